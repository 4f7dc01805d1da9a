package io.kerberus.catalog.plugin;

import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.ingest.CatalogRules;
import io.kerberus.catalog.plugin.ingest.HttpUrlReader;
import io.kerberus.plugin.Config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code catalog} section (and {@code backend.reading.allow}), in Backstage's shape:
 *
 * <pre>
 * catalog:
 *   locations:
 *     - {type: file, target: ./catalog/all.yaml, rules: [{allow: [User, Group]}]}
 *     - {type: url, target: https://git.example.com/org/repo/raw/main/catalog-info.yaml}
 *   rules: [{allow: [Component, API, Resource, System, Domain, Location]}]
 *   processingInterval: 2m
 *   orphanStrategy: keep          # or delete
 *   fileRoots: [.]                # folders file locations may read (Kerberus)
 * backend:
 *   reading:
 *     allow: [{host: raw.githubusercontent.com}]
 * </pre>
 *
 * @param locations      the configured locations, file targets made absolute
 * @param locationRules  the rules of each configured location, by its key
 * @param rules          the global rules
 * @param interval       how often entities are processed again
 * @param deleteOrphans  {@code orphanStrategy: delete}
 * @param fileRoots      folders file locations may read
 * @param readingAllow   hosts URL locations may read
 * @param organization   {@code organization.name}, for the catalog page's title; may be empty
 */
public record CatalogConfig(List<LocationSpec> locations, Map<String, List<CatalogRules.Rule>> locationRules, List<CatalogRules.Rule> rules,
                            Duration interval, boolean deleteOrphans, List<Path> fileRoots, List<HttpUrlReader.Allow> readingAllow,
                            String organization) {

    public static CatalogConfig from(Config catalog, Config root) {
        List<LocationSpec> locations = new ArrayList<>();
        Map<String, List<CatalogRules.Rule>> locationRules = new LinkedHashMap<>();
        List<Path> fileRoots = new ArrayList<>();
        for (Config location : catalog.getOptionalConfigList("locations").orElse(List.of())) {
            String type = location.getString("type");
            String target = location.getString("target");
            if (!type.equals("file") && !type.equals("url")) {
                throw location.error("type", "expected file or url but found \"" + type + "\"");
            }
            if (type.equals("file")) {
                Path path = Path.of(target).toAbsolutePath().normalize();
                target = path.toString();
                Path folder = target.contains("*") ? path.getRoot() : path.getParent();
                if (folder != null && !target.contains("*")) {
                    fileRoots.add(folder);
                }
            }
            LocationSpec spec = new LocationSpec(type, target, "optional".equals(location.getString("presence", "required")));
            locations.add(spec);
            location.getOptionalConfigList("rules").ifPresent(rules -> locationRules.put(spec.key(), CatalogRules.read(rules)));
        }
        List<CatalogRules.Rule> rules = CatalogRules.read(catalog.getOptionalConfigList("rules").orElse(List.of()));
        Duration interval = catalog.getDuration("processingInterval", Duration.ofMinutes(2));
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw catalog.error("processingInterval", "must be at least 1s");
        }
        String orphans = catalog.getString("orphanStrategy", "keep");
        if (!orphans.equals("keep") && !orphans.equals("delete")) {
            throw catalog.error("orphanStrategy", "expected keep or delete but found \"" + orphans + "\"");
        }
        List<Path> roots = catalog.getOptionalStringList("fileRoots")
                .map(list -> list.stream().map(p -> Path.of(p).toAbsolutePath().normalize()).toList())
                .orElse(List.of(Path.of("").toAbsolutePath()));
        fileRoots.addAll(roots);
        catalog.ignore("stitchingStrategy", "Kerberus stitches as soon as processing changed something");
        catalog.ignore("processingIntervalSeconds", "use catalog.processingInterval");
        catalog.ignore("providers", "entity providers are configured by the catalog modules that add them");
        List<HttpUrlReader.Allow> allow = new ArrayList<>();
        for (Config host : root.getOptionalConfigList("backend.reading.allow").orElse(List.of())) {
            allow.add(new HttpUrlReader.Allow(host.getString("host"), host.getOptionalStringList("paths").orElse(List.of())));
        }
        return new CatalogConfig(locations, locationRules, rules, interval, orphans.equals("delete"), fileRoots.stream().distinct().toList(), allow,
                root.getOptionalString("organization.name").orElse(""));
    }
}
