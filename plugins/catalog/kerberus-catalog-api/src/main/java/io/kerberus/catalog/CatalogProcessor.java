package io.kerberus.catalog;

/**
 * A step of entity processing, as Backstage's CatalogProcessor: reads locations, changes entities
 * before and after validation, validates kinds, and emits entities, relations and errors. Every
 * method is optional; add processors through {@link CatalogExtensions#PROCESSORS}.
 */
public interface CatalogProcessor {

    /** A unique name, for logs and error messages. */
    String name();

    /**
     * Reads a location of a type this processor knows and emits what it found.
     *
     * @return false when the type is not this processor's
     */
    default boolean readLocation(LocationSpec location, Emitter emit) throws Exception {
        return false;
    }

    /** Changes an entity before validation, such as filling in defaults. */
    default Entity preProcess(Entity entity, LocationSpec location, Emitter emit) throws Exception {
        return entity;
    }

    /**
     * Validates an entity of a kind this processor knows.
     *
     * @return true when the processor knows the kind and the entity is valid; false when it does not know the kind
     * @throws IllegalArgumentException with the field and what is wrong when the entity is invalid
     */
    default boolean validate(Entity entity) throws Exception {
        return false;
    }

    /** Changes an entity after validation and emits relations derived from it. */
    default Entity postProcess(Entity entity, LocationSpec location, Emitter emit) throws Exception {
        return entity;
    }

    /** What a processor emits while reading a location or processing an entity. */
    interface Emitter {

        /** An entity found at a location (read from {@code location}). */
        void entity(Entity entity, LocationSpec location);

        /** Another location to read, such as a target of a Location entity. */
        void location(LocationSpec location);

        /** A relation from {@code source} to {@code target}; the inverse is added for known types. */
        void relation(EntityRef source, String type, EntityRef target);

        /** A problem, kept on the entity in {@code status.items} while the last good version is served. */
        void error(String message);
    }
}
