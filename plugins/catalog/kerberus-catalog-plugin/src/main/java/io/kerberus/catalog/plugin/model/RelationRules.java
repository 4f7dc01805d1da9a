package io.kerberus.catalog.plugin.model;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.Relation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The relations Backstage derives from the spec fields of the built-in kinds (its
 * BuiltinKindsEntityProcessor), each with its inverse, and the default kind of each field's refs.
 */
public final class RelationRules {

    /**
     * One spec field that names other entities.
     *
     * @param field       the spec field
     * @param defaultKind the kind of refs that name none, or null when the ref must have one
     * @param type        the relation from this entity to the target
     */
    record Rule(String field, String defaultKind, String type) {
    }

    private static final List<Rule> OWNED = List.of(new Rule("owner", "group", Relation.OWNED_BY));
    private static final Map<String, List<Rule>> RULES = Map.of(
            "component", List.of(new Rule("owner", "group", Relation.OWNED_BY), new Rule("system", "system", Relation.PART_OF),
                    new Rule("subcomponentOf", "component", Relation.PART_OF), new Rule("providesApis", "api", Relation.PROVIDES_API),
                    new Rule("consumesApis", "api", Relation.CONSUMES_API), new Rule("dependsOn", null, Relation.DEPENDS_ON),
                    new Rule("dependencyOf", null, Relation.DEPENDENCY_OF)),
            "api", List.of(new Rule("owner", "group", Relation.OWNED_BY), new Rule("system", "system", Relation.PART_OF)),
            "resource", List.of(new Rule("owner", "group", Relation.OWNED_BY), new Rule("system", "system", Relation.PART_OF),
                    new Rule("dependsOn", null, Relation.DEPENDS_ON), new Rule("dependencyOf", null, Relation.DEPENDENCY_OF)),
            "system", List.of(new Rule("owner", "group", Relation.OWNED_BY), new Rule("domain", "domain", Relation.PART_OF)),
            "domain", List.of(new Rule("owner", "group", Relation.OWNED_BY), new Rule("subdomainOf", "domain", Relation.PART_OF)),
            "user", List.of(new Rule("memberOf", "group", Relation.MEMBER_OF)),
            "group", List.of(new Rule("parent", "group", Relation.CHILD_OF), new Rule("children", "group", Relation.PARENT_OF),
                    new Rule("members", "user", Relation.HAS_MEMBER)),
            "template", OWNED,
            "airesource", List.of(new Rule("owner", "group", Relation.OWNED_BY), new Rule("system", "system", Relation.PART_OF),
                    new Rule("dependsOn", null, Relation.DEPENDS_ON)));

    private RelationRules() {
    }

    /**
     * A relation this entity implies.
     *
     * @param source the entity itself
     * @param type   the relation type
     * @param target the other entity
     */
    public record Derived(EntityRef source, String type, EntityRef target) {
    }

    /** The relations an entity's spec implies; refs that cannot be parsed become violations. */
    public static List<Derived> derive(Entity entity, List<FieldRules.Violation> violations) {
        List<Rule> rules = RULES.getOrDefault(entity.kind() == null ? "" : entity.kind().toLowerCase(Locale.ROOT), List.of());
        List<Derived> relations = new ArrayList<>();
        EntityRef self = entity.ref();
        for (Rule rule : rules) {
            Object value = entity.spec().get(rule.field());
            List<?> values = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
            for (int i = 0; i < values.size(); i++) {
                String field = "spec." + rule.field() + (value instanceof List<?> ? "[" + i + "]" : "");
                if (!(values.get(i) instanceof String text)) {
                    violations.add(new FieldRules.Violation(field, "\"" + field + "\" must be an entity ref string"));
                    continue;
                }
                try {
                    relations.add(new Derived(self, rule.type(), EntityRef.parse(text, rule.defaultKind(), self.namespace())));
                } catch (IllegalArgumentException e) {
                    violations.add(new FieldRules.Violation(field, "\"" + field + "\" " + e.getMessage()
                            + (rule.defaultKind() == null ? "; this field needs the kind, such as component:" + text : "")));
                }
            }
        }
        return relations;
    }
}
