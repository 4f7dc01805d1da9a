package io.kerberus.platform.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as Backstage writes them: {@code 5m}, {@code 2 hours}, {@code PT5M}, {@code {minutes: 5}}. */
final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]+)");
    private static final Map<String, Duration> UNITS = Map.ofEntries(
            Map.entry("ms", Duration.ofMillis(1)), Map.entry("millisecond", Duration.ofMillis(1)), Map.entry("milliseconds", Duration.ofMillis(1)),
            Map.entry("s", Duration.ofSeconds(1)), Map.entry("sec", Duration.ofSeconds(1)), Map.entry("second", Duration.ofSeconds(1)), Map.entry("seconds", Duration.ofSeconds(1)),
            Map.entry("m", Duration.ofMinutes(1)), Map.entry("min", Duration.ofMinutes(1)), Map.entry("minute", Duration.ofMinutes(1)), Map.entry("minutes", Duration.ofMinutes(1)),
            Map.entry("h", Duration.ofHours(1)), Map.entry("hour", Duration.ofHours(1)), Map.entry("hours", Duration.ofHours(1)),
            Map.entry("d", Duration.ofDays(1)), Map.entry("day", Duration.ofDays(1)), Map.entry("days", Duration.ofDays(1)),
            Map.entry("w", Duration.ofDays(7)), Map.entry("week", Duration.ofDays(7)), Map.entry("weeks", Duration.ofDays(7)));
    private static final String EXPECTED = "expected a duration such as 30s, 5m, 2h, 1d, PT5M or {minutes: 5}";

    private Durations() {
    }

    static Duration parse(Node node) {
        if (node.kind == Node.Kind.OBJECT) {
            return fromObject(node);
        }
        if (node.kind != Node.Kind.VALUE || !(node.value instanceof String text)) {
            throw new IllegalArgumentException(EXPECTED + " but found " + node.typeName());
        }
        return parse(text);
    }

    static Duration parse(String text) {
        String trimmed = text.strip().toLowerCase(Locale.ROOT);
        if (trimmed.startsWith("p")) {
            try {
                return Duration.parse(trimmed.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(EXPECTED + " but found \"" + text + "\"");
            }
        }
        Matcher matcher = SHORT.matcher(trimmed);
        if (!matcher.matches() || !UNITS.containsKey(matcher.group(2))) {
            throw new IllegalArgumentException(EXPECTED + " but found \"" + text + "\"");
        }
        double amount = Double.parseDouble(matcher.group(1));
        return Duration.ofNanos(Math.round(amount * UNITS.get(matcher.group(2)).toNanos()));
    }

    private static Duration fromObject(Node node) {
        Duration total = Duration.ZERO;
        for (Map.Entry<String, Node> field : node.fields.entrySet()) {
            Duration unit = UNITS.get(field.getKey());
            if (unit == null || field.getKey().length() < 4 || !(field.getValue().value instanceof Number amount)) {
                throw new IllegalArgumentException(EXPECTED + "; unknown part '" + field.getKey() + "'");
            }
            total = total.plus(Duration.ofNanos(Math.round(amount.doubleValue() * unit.toNanos())));
        }
        return total;
    }
}
