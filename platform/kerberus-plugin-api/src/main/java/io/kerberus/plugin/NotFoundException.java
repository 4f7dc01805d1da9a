package io.kerberus.plugin;

/**
 * The thing asked for does not exist. The platform answers it with status 404: a Backstage-shaped JSON error on {@code /api}
 * routes, an error page on HTML routes. The message is shown to the caller: say what was wrong
 * and what to do, and put no secrets in it.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }

    public NotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
