package io.kerberus.scaffolder.plugin.form;

import io.kerberus.plugin.Principal;

import java.util.List;
import java.util.Map;

/**
 * What the picker fields offer from the catalog. {@link CatalogPickerSource} reads the catalog; tests
 * pass a fake.
 */
public interface PickerSource {

    /** Offers nothing: pickers become plain inputs. */
    PickerSource NONE = new PickerSource() {
        @Override
        public List<Choice> entities(List<Map<String, List<String>>> filters, int limit) {
            return List.of();
        }

        @Override
        public List<String> tags(int limit) {
            return List.of();
        }
    };

    /**
     * Entities matching any of {@code filters} (each a map of field to accepted values, all of which must
     * hold; an empty value list means "the field exists"; no filters matches every entity), at most
     * {@code limit}, sorted by their label.
     */
    List<Choice> entities(List<Map<String, List<String>>> filters, int limit);

    /** The catalog's tags, most used first, at most {@code limit}. */
    List<String> tags(int limit);

    /**
     * What {@code user} may be offered: only entities they may read ({@code catalog.entity.read}) and
     * tags of such entities. The pages use this view for every form they render or check. A source
     * without permissions returns itself.
     */
    default PickerSource forUser(Principal user) {
        return this;
    }

    /**
     * One entity to choose.
     *
     * @param ref   the full entity ref, {@code group:default/team-a}: the value stored
     * @param label what people read: the title, or the ref without default parts
     */
    record Choice(String ref, String label) {
    }
}
