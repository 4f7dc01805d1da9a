package io.kerberus.platform.config;

import java.util.Locale;
import java.util.regex.Pattern;

/** Which config values are secrets, to be masked whenever config is shown. */
final class Secrets {

    /**
     * The last key segment of a secret: passwords, tokens, client secrets, private keys, and HTTP
     * credentials such as a proxy endpoint's {@code headers.Authorization} or {@code X-Api-Key};
     * matched with {@code -} and {@code _} removed.
     */
    private static final Pattern SECRET_KEY = Pattern.compile(
            ".*(password|passwd|secret|token|apikey|privatekey|credentials|accesskey|authorization|cookie)");
    static final String MASK = "********";

    private Secrets() {
    }

    static boolean isSecretKey(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            last = last.substring(0, bracket);
        }
        return SECRET_KEY.matcher(last.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "")).matches();
    }

    /** Whether the value at {@code path} must be masked. */
    static boolean isSecret(String path, Node node) {
        if (node.secret || isSecretKey(path)) {
            return true;
        }
        // a database URL carries its password: postgresql://user:password@host/db
        return node.value instanceof String text && text.matches("(?s)[a-z][a-z0-9+.-]*://[^/@\\s]*:[^/@\\s]*@.*");
    }
}
