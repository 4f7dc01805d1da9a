package io.kerberus.plugin;

/** Options of one mounted route. */
public interface Route {

    /**
     * Lets requests without a credential through; {@link Request#principal()} is then empty
     * unless one was sent. Use it only for routes that must be public, such as sign-in.
     */
    Route unauthenticated();
}
