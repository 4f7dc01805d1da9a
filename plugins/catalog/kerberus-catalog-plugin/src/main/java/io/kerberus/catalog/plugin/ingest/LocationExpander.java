package io.kerberus.catalog.plugin.ingest;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.LocationSpec;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the targets of a Location entity ({@code spec.target}, {@code spec.targets}, globs for files),
 * relative to where the Location itself was read, and turns every document into an entity with
 * Backstage's location annotations. Kinds the catalog rules do not allow are refused with an error.
 */
public final class LocationExpander {

    public static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";
    public static final String MANAGED_BY_ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";
    public static final String VIEW_URL = "backstage.io/view-url";
    public static final String EDIT_URL = "backstage.io/edit-url";
    public static final String SOURCE_LOCATION = "backstage.io/source-location";

    private final Readers readers;
    private final CatalogRules rules;
    private final Function<String, Optional<List<CatalogRules.Rule>>> originRules;

    /**
     * @param originRules the rules of a configured location by its key ({@code file:/abs/catalog.yaml}), if it has any
     */
    public LocationExpander(Readers readers, CatalogRules rules, Function<String, Optional<List<CatalogRules.Rule>>> originRules) {
        this.readers = readers;
        this.rules = rules;
        this.originRules = originRules;
    }

    /**
     * An entity found at a location.
     *
     * @param data        the entity with its location annotations
     * @param locationKey the file or URL it was read from ({@code file:/abs/path})
     */
    public record Found(Map<String, Object> data, String locationKey) {
    }

    /**
     * What reading a Location entity produced.
     *
     * @param found  the entities
     * @param errors problems, each with the file (and line) it concerns
     * @param failed location keys (or key prefixes, for a failed glob) that could not be read: the
     *               entities read from them before are kept, not orphaned
     */
    public record Result(List<Found> found, List<String> errors, List<String> failed) {
    }

    /** Reads the targets of a Location entity. */
    public Result expand(Entity location) {
        List<Found> found = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<String, String> annotations = location.annotations();
        String own = annotations.getOrDefault(MANAGED_BY_LOCATION, "");
        String origin = annotations.getOrDefault(MANAGED_BY_ORIGIN_LOCATION, own);
        String ownType = own.contains(":") ? own.substring(0, own.indexOf(':')) : "file";
        String type = location.specString("type").orElse(ownType);
        boolean optional = "optional".equals(location.specString("presence").orElse("required"));
        List<String> targets = new ArrayList<>();
        location.specString("target").ifPresent(targets::add);
        if (location.spec().get("targets") instanceof List<?> list) {
            list.forEach(target -> targets.add(String.valueOf(target)));
        }
        String originType = origin.contains(":") ? origin.substring(0, origin.indexOf(':')) : type;
        String originTarget = origin.contains(":") ? origin.substring(origin.indexOf(':') + 1) : "";
        Optional<List<CatalogRules.Rule>> extraRules = originRules.apply(origin);
        for (String target : targets) {
            try {
                for (LocationSpec file : resolve(type, target, own, ownType)) {
                    if (!readOne(file, origin, optional, found, errors)) {
                        failed.add(file.key());
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                errors.add(type + ":" + target + ": " + e.getMessage());
                failed.add(type + ":" + globBase(target, own, ownType));
            }
        }
        found.removeIf(entity -> {
            String kind = String.valueOf(entity.data().get("kind"));
            if (entity.data().get("kind") instanceof String && !rules.allows(kind, originType, originTarget, extraRules)) {
                errors.add(entity.locationKey() + ": kind " + kind + " is not allowed from " + origin
                        + "; allow it in catalog.rules (or in the location's rules)");
                return true;
            }
            return false;
        });
        return new Result(found, errors, failed);
    }

    /** The part of a target before its first wildcard, resolved like the target: what a failed glob could have matched. */
    private static String globBase(String target, String own, String ownType) {
        int wildcard = target.indexOf('*');
        String fixed = wildcard < 0 ? target : target.substring(0, wildcard);
        if (ownType.equals("file") && own.length() > 5 && !fixed.startsWith("/")) {
            Path base = Path.of(own.substring(5)).getParent();
            return base == null ? fixed : base.resolve(fixed).normalize().toString();
        }
        return fixed;
    }

    /** The concrete files or URLs a target names, relative to where the Location was read. */
    private List<LocationSpec> resolve(String type, String target, String own, String ownType) throws IOException {
        if (type.equals("url")) {
            URI base = ownType.equals("url") ? URI.create(own.substring(own.indexOf(':') + 1)) : null;
            URI url = base == null ? URI.create(target) : base.resolve(target);
            return List.of(LocationSpec.of("url", url.toString()));
        }
        if (!type.equals("file")) {
            throw new IllegalArgumentException("unknown location type '" + type + "'; the catalog reads file and url locations");
        }
        Path base = ownType.equals("file") && own.length() > 5 ? Path.of(own.substring(5)).getParent() : Path.of("");
        Path path = base == null ? Path.of(target) : base.resolve(target);
        List<LocationSpec> files = new ArrayList<>();
        for (Path file : readers.expandGlob(path.toString())) {
            files.add(LocationSpec.of("file", file.toString()));
        }
        return files;
    }

    /** Reads one file or URL; false when it could not be read or parsed (a missing optional target is fine). */
    private boolean readOne(LocationSpec file, String origin, boolean optional, List<Found> found, List<String> errors) {
        String key = file.key();
        byte[] bytes;
        try {
            bytes = readers.read(file);
        } catch (FileNotFoundException e) {
            if (!optional) {
                errors.add(key + ": not found (" + e.getMessage() + "); fix the target, or mark the location presence: optional");
            }
            return optional;
        } catch (IOException | RuntimeException e) {
            errors.add(key + ": cannot be read: " + e.getMessage());
            return false;
        }
        List<DescriptorParser.Document> documents;
        try {
            documents = DescriptorParser.parse(bytes, file.target().endsWith(".json"));
        } catch (DescriptorParser.ParseException e) {
            errors.add(key + (e.line() > 0 ? ":" + e.line() : "") + ": " + e.getMessage());
            return false;
        }
        for (DescriptorParser.Document document : documents) {
            if (document.data() == null) {
                errors.add(key + ":" + document.line() + ": a descriptor must be an object with apiVersion, kind and metadata");
                continue;
            }
            found.add(new Found(annotate(document.data(), file, origin), key));
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> annotate(Map<String, Object> data, LocationSpec file, String origin) {
        Map<String, Object> copy = new LinkedHashMap<>(data);
        Map<String, Object> metadata = copy.get("metadata") instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : null;
        if (metadata == null) {
            return copy;
        }
        Map<String, Object> annotations = metadata.get("annotations") instanceof Map<?, ?> a
                ? new LinkedHashMap<>((Map<String, Object>) a) : new LinkedHashMap<>();
        annotations.put(MANAGED_BY_LOCATION, file.key());
        annotations.put(MANAGED_BY_ORIGIN_LOCATION, origin);
        if (file.type().equals("url")) {
            annotations.putIfAbsent(VIEW_URL, file.target());
            String target = file.target();
            annotations.putIfAbsent(SOURCE_LOCATION, "url:" + target.substring(0, target.lastIndexOf('/') + 1));
            EditUrls.editUrl(target).ifPresent(edit -> annotations.putIfAbsent(EDIT_URL, edit));
        }
        metadata.put("annotations", annotations);
        copy.put("metadata", metadata);
        return copy;
    }
}
