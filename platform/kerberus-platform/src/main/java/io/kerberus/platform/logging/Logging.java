package io.kerberus.platform.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import io.kerberus.plugin.Config;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Set;

/**
 * {@code backend.logger}: the root level ({@code level: info}), per-logger levels
 * ({@code overrides: {kerberus.http: warn}}) and the output format ({@code format: text|json}; json
 * writes one JSON object a line for log collectors).
 *
 * @param level     the root level
 * @param json      whether to write JSON lines
 * @param overrides levels of named loggers
 */
public record Logging(String level, boolean json, java.util.Map<String, String> overrides) {

    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");

    public static Logging from(Config backend) {
        Config logger = backend.getOptionalConfig("logger").orElse(null);
        if (logger == null) {
            return new Logging("info", false, java.util.Map.of());
        }
        String level = checkLevel(logger, "level", logger.getString("level", "info"));
        String format = logger.getString("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw logger.error("format", "expected text or json but found \"" + format + "\"");
        }
        java.util.Map<String, String> overrides = new java.util.LinkedHashMap<>();
        logger.getOptionalConfig("overrides").ifPresent(o -> o.keys().forEach(name -> overrides.put(name, checkLevel(o, name, o.getString(name)))));
        logger.ignore("meta", "Kerberus does not add static fields to log lines");
        return new Logging(level, format.equals("json"), overrides);
    }

    private static String checkLevel(Config config, String key, String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (!LEVELS.contains(lower)) {
            throw config.error(key, "expected one of " + LEVELS + " but found \"" + value + "\"");
        }
        return lower;
    }

    /** Applies the levels and format to Logback. */
    public void apply() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(level));
        overrides.forEach((name, value) -> context.getLogger(name).setLevel(Level.toLevel(value)));
        if (json) {
            ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
            appender.setContext(context);
            appender.setName("json");
            JsonEncoder encoder = new JsonEncoder();
            encoder.setContext(context);
            encoder.start();
            appender.setEncoder(encoder);
            appender.start();
            root.detachAndStopAllAppenders();
            root.addAppender(appender);
        }
    }
}
