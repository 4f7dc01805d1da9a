package io.kerberus.plugin;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A read-only view of a config subtree. Keys are dot-separated paths relative to this view
 * ({@code listen.port}). Every error names the full key path and the file and line the value came
 * from, for example {@code app-config.yaml:12: backend.listen.port: expected a number but found "abc"}.
 *
 * <p>Strings that look like numbers or booleans are accepted by the number and boolean getters,
 * because values substituted from the environment are always strings.
 *
 * <p>Every key under a plugin's section that the plugin did not read during
 * {@link Plugin#register} is reported as unknown at start-up; read each key you support there
 * (even ones used only in some setups), or {@link #ignore} it.
 */
public interface Config {

    /** The full path of this view from the root, empty for the root. */
    String path();

    /** The keys of this object, in file order; empty when this view is not an object. */
    Set<String> keys();

    /** The kinds of value a key can hold, for settings that accept more than one shape. */
    enum Kind { MISSING, OBJECT, LIST, STRING, NUMBER, BOOLEAN }

    /** What kind of value {@code key} holds; {@link Kind#MISSING} for absent or null. Does not mark the key as read. */
    Kind kindOf(String key);

    /** Whether {@code key} has a value (null counts as no value). */
    boolean has(String key);

    /** Where the value at {@code key} came from, as {@code file:line}, or the path's parent's origin. */
    String origin(String key);

    String getString(String key);

    Optional<String> getOptionalString(String key);

    /** The value as a string, or {@code fallback}. */
    default String getString(String key, String fallback) {
        return getOptionalString(key).orElse(fallback);
    }

    int getInt(String key);

    Optional<Integer> getOptionalInt(String key);

    default int getInt(String key, int fallback) {
        return getOptionalInt(key).orElse(fallback);
    }

    long getLong(String key);

    Optional<Long> getOptionalLong(String key);

    double getNumber(String key);

    Optional<Double> getOptionalNumber(String key);

    boolean getBoolean(String key);

    Optional<Boolean> getOptionalBoolean(String key);

    default boolean getBoolean(String key, boolean fallback) {
        return getOptionalBoolean(key).orElse(fallback);
    }

    /**
     * A duration written as {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}, {@code 250ms},
     * an ISO-8601 {@code PT5M} or Backstage's {@code {minutes: 5}} object.
     */
    Duration getDuration(String key);

    Optional<Duration> getOptionalDuration(String key);

    default Duration getDuration(String key, Duration fallback) {
        return getOptionalDuration(key).orElse(fallback);
    }

    List<String> getStringList(String key);

    Optional<List<String>> getOptionalStringList(String key);

    /** A nested object. */
    Config getConfig(String key);

    Optional<Config> getOptionalConfig(String key);

    /** A list of objects. */
    List<Config> getConfigList(String key);

    Optional<List<Config>> getOptionalConfigList(String key);

    /**
     * Marks {@code key} (and everything below it) as known but unused, for settings Kerberus
     * accepts for compatibility but does not act on. Start-up logs {@code reason} once as a warning.
     */
    void ignore(String key, String reason);

    /**
     * An error about the value at {@code key} that the getters cannot detect (an unknown enum
     * value, a port out of range ...), with the key path and origin in the message.
     */
    ConfigException error(String key, String message);
}
