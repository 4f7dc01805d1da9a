package io.kerberus.example.plugin;

import io.kerberus.plugin.Config;

import java.time.Duration;
import java.util.Optional;

/**
 * The {@code example} config section.
 *
 * <pre>
 * example:
 *   enabled: true          # bundled plugins can be off by default
 *   retention: 30d         # the cleanup task deletes older announcements
 *   welcome: Hello!        # optional: posted once, on the first start
 * </pre>
 *
 * @param retention how long announcements are kept
 * @param welcome   a first announcement to post once, if any
 */
public record ExampleConfig(Duration retention, Optional<String> welcome) {

    public static ExampleConfig from(Config config) {
        Duration retention = config.getDuration("retention", Duration.ofDays(30));
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw config.error("retention", "must be at least 1h");
        }
        return new ExampleConfig(retention, config.getOptionalString("welcome"));
    }
}
