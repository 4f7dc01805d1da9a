package io.kerberus.platform.config;

/**
 * Where a config value came from: a file and line, or an environment variable.
 *
 * @param source a file name as the user gave it, or {@code env NAME}
 * @param line   the 1-based line, 0 when not known
 */
public record Origin(String source, int line) {

    public static Origin env(String variable) {
        return new Origin("env " + variable, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
