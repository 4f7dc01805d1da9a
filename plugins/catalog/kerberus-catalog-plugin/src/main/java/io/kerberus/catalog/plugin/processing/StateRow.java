package io.kerberus.catalog.plugin.processing;

/**
 * One row of {@code catalog_refresh_state}.
 *
 * @param ref             the entity's ref, lower-case
 * @param entityId        its uid
 * @param root            whether it is a registered location (never an orphan)
 * @param parentRef       the location entity (or {@code provider:<name>}) that emitted it, or null: an orphan
 * @param locationKey     where it was read from ({@code file:/abs/path}, {@code url:https://...}, {@code provider:name})
 * @param unprocessedJson what was read
 * @param unprocessedHash the hash of what was read
 * @param processedHash   the unprocessed hash last processed successfully, null to force processing
 * @param errorsJson      the errors of the last processing as a JSON list, or null
 */
record StateRow(String ref, String entityId, boolean root, String parentRef, String locationKey, String unprocessedJson,
                String unprocessedHash, String processedHash, String errorsJson) {

    /** Whether nothing emits it any more (not a root, not a provider's). */
    boolean orphan() {
        return parentRef == null && !root && (locationKey == null || !locationKey.startsWith("provider:"));
    }
}
