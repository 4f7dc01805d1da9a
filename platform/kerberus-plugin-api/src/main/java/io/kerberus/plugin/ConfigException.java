package io.kerberus.plugin;

/**
 * A config value is missing or wrong. The message names the file and line (or the environment
 * variable) and the full key path, and says what was expected.
 */
public class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
