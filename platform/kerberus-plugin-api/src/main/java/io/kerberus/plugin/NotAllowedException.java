package io.kerberus.plugin;

/**
 * The caller is known but may not do this. The platform answers it with status 403: a Backstage-shaped JSON error on {@code /api}
 * routes, an error page on HTML routes. The message is shown to the caller: say what was wrong
 * and what to do, and put no secrets in it.
 */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }

    public NotAllowedException(String message, Throwable cause) {
        super(message, cause);
    }
}
