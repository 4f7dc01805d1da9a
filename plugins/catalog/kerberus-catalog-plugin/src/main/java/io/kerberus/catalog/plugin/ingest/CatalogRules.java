package io.kerberus.catalog.plugin.ingest;

import io.kerberus.plugin.Config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which kinds may come from which locations, as Backstage's {@code catalog.rules}: each rule allows
 * kinds, optionally only for some locations; a location in {@code catalog.locations} may carry rules of
 * its own. Without any rule, Component, API and Location are allowed, as in Backstage.
 */
public final class CatalogRules {

    /**
     * One rule.
     *
     * @param allow     allowed kinds, lower-case
     * @param locations the locations it applies to ({@code type} and {@code target} or a glob {@code pattern}); empty for all
     */
    public record Rule(List<String> allow, List<LocationMatch> locations) {
    }

    /**
     * A location a rule applies to.
     *
     * @param type    the location type, or null for any
     * @param target  an exact target, or null
     * @param pattern a glob over the target, or null
     */
    public record LocationMatch(String type, String target, String pattern) {

        boolean matches(String locationType, String locationTarget) {
            if (type != null && !type.equals(locationType)) {
                return false;
            }
            if (target != null) {
                return target.equals(locationTarget);
            }
            if (pattern != null) {
                return FileSystems.getDefault().getPathMatcher("glob:" + pattern).matches(Path.of(locationTarget));
            }
            return true;
        }
    }

    static final List<String> DEFAULT_ALLOW = List.of("component", "api", "location");

    private final List<Rule> rules;

    public CatalogRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** Reads {@code catalog.rules}. */
    public static List<Rule> read(List<Config> configs) {
        List<Rule> rules = new ArrayList<>();
        for (Config rule : configs) {
            List<String> allow = rule.getStringList("allow").stream().map(kind -> kind.toLowerCase(Locale.ROOT)).toList();
            List<LocationMatch> locations = new ArrayList<>();
            for (Config location : rule.getOptionalConfigList("locations").orElse(List.of())) {
                locations.add(new LocationMatch(location.getOptionalString("type").orElse(null),
                        location.getOptionalString("target").orElse(null), location.getOptionalString("pattern").orElse(null)));
            }
            rules.add(new Rule(allow, locations));
        }
        return rules;
    }

    /**
     * Whether {@code kind} may come from the origin location.
     *
     * @param extraRules the origin location's own rules, if any
     */
    public boolean allows(String kind, String originType, String originTarget, Optional<List<Rule>> extraRules) {
        String lower = kind.toLowerCase(Locale.ROOT);
        List<Rule> applicable = new ArrayList<>(rules);
        extraRules.ifPresent(applicable::addAll);
        if (applicable.isEmpty()) {
            return DEFAULT_ALLOW.contains(lower);
        }
        return applicable.stream().anyMatch(rule -> (rule.locations().isEmpty()
                || rule.locations().stream().anyMatch(match -> match.matches(originType, originTarget)))
                && (rule.allow().contains(lower) || rule.allow().contains("*")));
    }
}
