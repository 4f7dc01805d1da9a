package io.kerberus.scaffolder.plugin.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How {@link CatalogPickerSource} says picker filters to the catalog. */
class PickerSourceCatalogTest {

    @Test
    void writesBackstageFilterStrings() {
        Map<String, List<String>> filter = new LinkedHashMap<>();
        filter.put("kind", List.of("Group", "User"));
        filter.put("spec.type", List.of("team"));
        filter.put("metadata.annotations.x", List.of());

        assertThat(CatalogPickerSource.filterString(filter)).isEqualTo("kind=Group,kind=User,spec.type=team,metadata.annotations.x");
    }

    @Test
    void refusesValuesThatWouldChangeTheFiltersMeaning() {
        assertThat(CatalogPickerSource.filterString(Map.of("kind", List.of("group,kind=user")))).isNull();
        assertThat(CatalogPickerSource.filterString(Map.of("kind", List.of("a=b")))).isNull();
    }

    @Test
    void normalizesRefsAsBackstageWritesThem() {
        assertThat(EntityRefs.normalize("Group:Default/Team-A", null, null)).contains("group:default/Team-A");
        assertThat(EntityRefs.normalize("team-a", null, null)).isEmpty();
        assertThat(EntityRefs.humanize("group:default/team-a")).isEqualTo("group:team-a");
    }
}
