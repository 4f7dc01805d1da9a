package io.kerberus.plugin;

/** Hooks for the backend's start and shutdown. */
public interface Lifecycle {

    /** Runs once every plugin has started and the server is listening. */
    void onStarted(Runnable hook);

    /** Runs on shutdown, after the server stopped taking requests, in reverse start order. */
    void onShutdown(Runnable hook);
}
