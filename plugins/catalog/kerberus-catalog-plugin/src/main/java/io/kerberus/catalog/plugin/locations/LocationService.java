package io.kerberus.catalog.plugin.locations;

import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.plugin.ingest.Readers;
import io.kerberus.catalog.plugin.processing.DryRun;
import io.kerberus.catalog.plugin.processing.ProcessingEngine;
import io.kerberus.plugin.ConflictException;
import io.kerberus.plugin.InputException;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Registered locations ({@code catalog_locations}): those of the config, kept in step with it at
 * start, and those registered through the API. Each is a root Location entity in processing.
 */
public final class LocationService {

    /**
     * A registered location.
     *
     * @param id     its id
     * @param type   {@code file} or {@code url}
     * @param target the path or URL
     */
    public record Location(String id, String type, String target) {

        public LocationSpec spec() {
            return LocationSpec.of(type, target);
        }
    }

    private final Jdbi jdbi;
    private final ProcessingEngine engine;
    private final Readers readers;
    private final Clock clock;

    public LocationService(Jdbi jdbi, ProcessingEngine engine, Readers readers, Clock clock) {
        this.jdbi = jdbi;
        this.engine = engine;
        this.readers = readers;
        this.clock = clock;
    }

    public List<Location> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, type, target FROM catalog_locations ORDER BY created_at, id")
                .map((rs, ctx) -> new Location(rs.getString(1), rs.getString(2), rs.getString(3))).list());
    }

    public Optional<Location> get(String id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, type, target FROM catalog_locations WHERE id = :id")
                .bind("id", id).map((rs, ctx) -> new Location(rs.getString(1), rs.getString(2), rs.getString(3))).findOne());
    }

    public Optional<Location> find(LocationSpec spec) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, type, target FROM catalog_locations WHERE type = :type AND target = :target")
                .bind("type", spec.type()).bind("target", spec.target())
                .map((rs, ctx) -> new Location(rs.getString(1), rs.getString(2), rs.getString(3))).findOne());
    }

    /**
     * Checks a location registered through the API: a known type, a file inside the allowed folders,
     * a URL a reader may read.
     *
     * @return the location with a file target made absolute
     */
    public LocationSpec check(String type, String target) {
        if (type == null || target == null || target.isBlank()) {
            throw new InputException("A location needs a type (file or url) and a target");
        }
        switch (type) {
            case "file" -> {
                try {
                    return LocationSpec.of("file", readers.checkInsideRoots(Path.of(target)).toString());
                } catch (IOException e) {
                    throw new InputException(e.getMessage());
                }
            }
            case "url" -> {
                URI url;
                try {
                    url = URI.create(target.strip());
                } catch (IllegalArgumentException e) {
                    throw new InputException("target: \"" + target + "\" is not a valid URL");
                }
                if (!readers.canRead(url)) {
                    throw new InputException("target: no reader may read " + target
                            + "; add its host to backend.reading.allow or configure an integration for it");
                }
                return LocationSpec.of("url", url.toString());
            }
            default -> throw new InputException("type: unknown location type \"" + type + "\"; use file or url");
        }
    }

    /**
     * What registering a location would bring in ({@code POST /analyze-location} and the import page).
     *
     * @param spec       the location, a folder target completed with the catalog file name
     * @param entities   the entities it holds, processed as they would be (relations not yet stitched)
     * @param errors     what is wrong with the location or some of its entities
     * @param registered whether the location is registered already
     */
    public record Analysis(LocationSpec spec, List<Map<String, Object>> entities, List<String> errors, boolean registered) {
    }

    /**
     * Reads a location without registering it. A target that is not a {@code .yaml}/{@code .yml}/{@code .json}
     * file is taken as a folder (or repository) holding {@code catalogFileName}.
     *
     * @throws InputException when the location cannot be read at all
     */
    public Analysis analyze(String type, String target, String catalogFileName) {
        if (target != null && !target.isBlank() && !target.strip().matches("(?i).*\\.(ya?ml|json)$")) {
            String file = catalogFileName == null || catalogFileName.isBlank() ? "catalog-info.yaml" : catalogFileName;
            target = target.strip().endsWith("/") ? target.strip() + file : target.strip() + "/" + file;
        }
        LocationSpec spec = check(type == null ? "url" : type, target);
        DryRun.Result result = engine.dryRun().location(spec);
        if (result.entities().isEmpty() && !result.errors().isEmpty()) {
            throw new InputException(String.join("; ", result.errors()));
        }
        return new Analysis(spec, result.entities(), result.errors(), find(spec).isPresent());
    }

    /** The registered location an entity came from ({@code backstage.io/managed-by-origin-location}). */
    public Optional<Location> originOf(io.kerberus.catalog.Entity entity) {
        String origin = entity.annotations().get(io.kerberus.catalog.plugin.ingest.LocationExpander.MANAGED_BY_ORIGIN_LOCATION);
        if (origin == null || origin.indexOf(':') <= 0) {
            return Optional.empty();
        }
        return find(LocationSpec.of(origin.substring(0, origin.indexOf(':')), origin.substring(origin.indexOf(':') + 1)));
    }

    /** Whether a location came from {@code catalog.locations} in the config (and so is removed there, not here). */
    public boolean isFromConfig(Location location) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT origin FROM catalog_locations WHERE id = :id")
                .bind("id", location.id()).mapTo(String.class).findOne()).map("config"::equals).orElse(false);
    }

    /** Registers a location; its entities appear as soon as processing has read it. */
    public Location create(LocationSpec spec, String origin) {
        if (find(spec).isPresent()) {
            throw new ConflictException("Location " + spec.key() + " already exists");
        }
        Location location = new Location(UUID.randomUUID().toString(), spec.type(), spec.target());
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO catalog_locations (id, type, target, origin, created_at) VALUES (:id, :type, :target, :origin, :now)""")
                .bind("id", location.id()).bind("type", spec.type()).bind("target", spec.target()).bind("origin", origin)
                .bind("now", clock.millis()).execute());
        engine.addRoot(spec);
        return location;
    }

    /** Unregisters a location and removes the entities only it brought in. */
    public void delete(Location location) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM catalog_locations WHERE id = :id").bind("id", location.id()).execute());
        engine.removeRoot(location.spec());
    }

    /** Makes the registered locations of the config match {@code configured}: adds new ones, removes dropped ones. */
    public void syncConfigured(List<LocationSpec> configured) {
        List<Location> current = jdbi.withHandle(handle -> handle.createQuery("SELECT id, type, target FROM catalog_locations WHERE origin = 'config'")
                .map((rs, ctx) -> new Location(rs.getString(1), rs.getString(2), rs.getString(3))).list());
        for (Location location : current) {
            if (configured.stream().noneMatch(spec -> spec.key().equals(location.spec().key()))) {
                delete(location);
            }
        }
        for (LocationSpec spec : configured) {
            if (find(spec).isEmpty()) {
                create(spec, "config");
            } else {
                engine.addRoot(spec);
            }
        }
    }
}
