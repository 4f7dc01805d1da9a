package io.kerberus.catalog.plugin.processing;

import java.util.List;

/**
 * What a stitch changed: handed to the local query index at once.
 *
 * @param changed final entities written
 * @param deleted refs whose final entity was removed
 */
public record Stitched(List<FinalStore.Row> changed, List<String> deleted) {
}
