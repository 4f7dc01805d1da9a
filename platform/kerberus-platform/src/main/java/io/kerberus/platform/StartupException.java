package io.kerberus.platform;

/**
 * Start-up cannot go on. The message names the plugin or setting at fault and what to do; the
 * command line prints it without a stack trace.
 */
public class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
