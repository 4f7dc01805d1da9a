package io.kerberus.catalog.plugin.processing;

/**
 * A relation an entity emitted, from itself ({@code source}) to another entity.
 *
 * @param source the emitting entity, lower-case ref
 * @param type   the relation type
 * @param target the other entity, lower-case ref
 */
record Rel(String source, String type, String target) {
}
