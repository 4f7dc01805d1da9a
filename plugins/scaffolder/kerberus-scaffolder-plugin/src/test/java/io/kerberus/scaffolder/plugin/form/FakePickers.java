package io.kerberus.scaffolder.plugin.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A catalog of a few groups, users and systems that remembers the filters it was asked with. */
final class FakePickers implements PickerSource {

    final List<List<Map<String, List<String>>>> asked = new ArrayList<>();

    private static final List<Map<String, String>> ENTITIES = List.of(
            Map.of("ref", "group:default/team-a", "kind", "group", "label", "Team A"),
            Map.of("ref", "group:default/team-b", "kind", "group", "label", "Team B"),
            Map.of("ref", "user:default/jdoe", "kind", "user", "label", "John Doe"),
            Map.of("ref", "system:default/payments", "kind", "system", "label", "Payments", "spec.type", "product"));

    @Override
    public List<Choice> entities(List<Map<String, List<String>>> filters, int limit) {
        asked.add(filters);
        return ENTITIES.stream().filter(e -> filters.isEmpty() || filters.stream().anyMatch(f -> matches(e, f)))
                .limit(limit).map(e -> new Choice(e.get("ref"), e.get("label"))).toList();
    }

    private static boolean matches(Map<String, String> entity, Map<String, List<String>> filter) {
        return filter.entrySet().stream().allMatch(c -> entity.containsKey(c.getKey())
                && (c.getValue().isEmpty() || c.getValue().stream().anyMatch(v -> v.equalsIgnoreCase(entity.get(c.getKey())))));
    }

    @Override
    public List<String> tags(int limit) {
        return List.of("java", "web", "<script>");
    }
}
