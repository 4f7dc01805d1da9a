package io.kerberus.plugin;

/** A Server-Sent Events stream to one client. */
public interface EventStream {

    /** Sends one event; {@code data} is sent as JSON unless it is a string. */
    void send(String event, Object data);

    /** Whether the client is still connected. */
    boolean isOpen();
}
