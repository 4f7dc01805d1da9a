package io.kerberus.plugin;

/**
 * The request conflicts with the current state, such as a duplicate. The platform answers it with status 409: a Backstage-shaped JSON error on {@code /api}
 * routes, an error page on HTML routes. The message is shown to the caller: say what was wrong
 * and what to do, and put no secrets in it.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
