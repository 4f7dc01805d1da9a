package io.kerberus.plugin.auth;

/**
 * Sign-in was refused. The message is shown on the sign-in page as it is, so it must say exactly
 * why and what to do, and never contain a secret.
 */
public class SignInException extends RuntimeException {

    public SignInException(String message) {
        super(message);
    }

    public SignInException(String message, Throwable cause) {
        super(message, cause);
    }
}
