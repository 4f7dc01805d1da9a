package io.kerberus.plugin;

/**
 * The request has no valid credential. The platform answers it with status 401: a Backstage-shaped JSON error on {@code /api}
 * routes, an error page on HTML routes. The message is shown to the caller: say what was wrong
 * and what to do, and put no secrets in it.
 */
public class NotAuthenticatedException extends RuntimeException {

    public NotAuthenticatedException(String message) {
        super(message);
    }

    public NotAuthenticatedException(String message, Throwable cause) {
        super(message, cause);
    }
}
