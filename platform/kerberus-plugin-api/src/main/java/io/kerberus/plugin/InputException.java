package io.kerberus.plugin;

/**
 * The request was malformed: a parameter, field or body is wrong. The platform answers it with status 400: a Backstage-shaped JSON error on {@code /api}
 * routes, an error page on HTML routes. The message is shown to the caller: say what was wrong
 * and what to do, and put no secrets in it.
 */
public class InputException extends RuntimeException {

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
