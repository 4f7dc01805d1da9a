package io.kerberus.catalog.plugin.permission;

import io.kerberus.catalog.plugin.query.EntityIndex;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionCriteria.Condition;
import io.kerberus.plugin.PermissionRule;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The promise of ADR 0008: for every catalog rule, the index filter ({@link EntityRules#toQuery},
 * what lists show) and the single-entity check ({@link EntityRules#RULES}, what TechDocs, search,
 * the scaffolder and {@code POST /api/permission/authorize} use) select the same entities, also for
 * arrays, mixed-case keys, dotted annotation keys, missing and empty values and long values.
 */
@DisplayName("Catalog permission rules: the index filter and the single-entity check agree")
class EntityRulesAgreeTest {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final String LONG = "x".repeat(600);

    private static final List<String> ENTITIES = List.of("""
            {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
             "metadata": {"name": "a", "namespace": "default", "tags": ["confidential", "public"],
               "labels": {"Secret": "Yes"},
               "annotations": {"backstage.io/techdocs-ref": "dir:.", "X.io/Y": "V"},
               "links": [{"url": "https://a.example", "title": "A"}]},
             "spec": {"type": "service", "owner": "group:default/team-a", "Lifecycle": "Production"},
             "relations": [{"type": "ownedBy", "targetRef": "group:default/team-a"}]}""", """
            {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
             "metadata": {"name": "b", "namespace": "default", "tags": [], "labels": {"secret": ""}, "annotations": {},
               "description": "%s"},
             "spec": {"type": "website", "owner": "user:default/Jane", "nested": {"deep": {"x": 1}}, "list": [], "definition": "%s"},
             "relations": [{"type": "ownedBy", "targetRef": "user:default/Jane"}]}""".formatted(LONG, LONG), """
            {"apiVersion": "backstage.io/v1alpha1", "kind": "API",
             "metadata": {"name": "c", "namespace": "default", "tags": ["CONFIDENTIAL"], "description": "short"},
             "spec": {"type": "openapi", "definition": "openapi: 3.0.0", "tags": [["nested"]]},
             "relations": []}""", """
            {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
             "metadata": {"name": "d", "namespace": "default", "annotations": {"annotations.x.io/y": "odd"}},
             "spec": {"type": "library"},
             "relations": [{"type": "ownerOf", "targetRef": "component:default/d"}, {"type": "ownerOf", "targetRef": "component:default/e"}]}""", """
            {"apiVersion": "backstage.io/v1alpha1", "kind": "Component",
             "metadata": {"name": "e", "namespace": "default"},
             "relations": []}""");

    private static final Map<String, List<Map<String, Object>>> PARAMS = Map.of(
            "IS_ENTITY_OWNER", List.of(
                    Map.of("claims", List.of("group:default/team-a")), Map.of("claims", List.of("USER:default/jane")),
                    Map.of("claims", List.of("component:default/d")), Map.of("claims", List.of()),
                    Map.of("claims", List.of("group:default/team-a", "user:default/jane"))),
            "IS_ENTITY_KIND", List.of(Map.of("kinds", List.of("api")), Map.of("kinds", List.of("Component")),
                    Map.of("kinds", List.of()), Map.of("kinds", List.of("location", "API"))),
            "HAS_ANNOTATION", List.of(Map.of("annotation", "backstage.io/techdocs-ref"), Map.of("annotation", "x.io/y", "value", "v"),
                    Map.of("annotation", "X.io/Y"), Map.of("annotation", "annotations.x.io/y"), Map.of("annotation", "X.io/Y", "value", "w"),
                    Map.of("annotation", "missing")),
            "HAS_LABEL", List.of(Map.of("label", "secret"), Map.of("label", "Secret", "value", "YES"), Map.of("label", "SECRET", "value", "")),
            "HAS_METADATA", List.of(Map.of("key", "tags", "value", "confidential"), Map.of("key", "tags"), Map.of("key", "annotations"),
                    Map.of("key", "annotations.x.io/y"), Map.of("key", "annotations.X.io/Y", "value", "V"), Map.of("key", "description"),
                    Map.of("key", "Name", "value", "A"), Map.of("key", "labels.secret"), Map.of("key", "links.url"), Map.of("key", "links"),
                    Map.of("key", "annotations.annotations.x.io/y", "value", "ODD"), Map.of("key", "description", "value", LONG)),
            "HAS_SPEC", List.of(Map.of("key", "type", "value", "SERVICE"), Map.of("key", "nested.deep.x", "value", "1"), Map.of("key", "nested"),
                    Map.of("key", "list"), Map.of("key", "definition"), Map.of("key", "lifecycle", "value", "production"),
                    Map.of("key", "owner"), Map.of("key", "tags", "value", "nested"), Map.of("key", "definition", "value", LONG)));

    private final EntityIndex index = index();

    private static EntityIndex index() {
        EntityIndex index = new EntityIndex();
        int uid = 0;
        for (String json : ENTITIES) {
            Map<String, Object> entity = JSON.readValue(json, new TypeReference<Map<String, Object>>() {
            });
            @SuppressWarnings("unchecked")
            String name = ((Map<String, Object>) entity.get("metadata")).get("name").toString();
            String ref = entity.get("kind").toString().toLowerCase() + ":default/" + name;
            index.put(ref, "uid-" + uid++, JSON.writeValueAsString(entity));
        }
        return index;
    }

    private static final List<String> REFS = List.of("component:default/a", "component:default/b", "api:default/c",
            "component:default/d", "component:default/e");

    /** The refs the index filter lets through, as the catalog's lists see them. */
    private Set<String> byIndex(PermissionCriteria criteria) {
        EntityQueries queries = new EntityQueries(index, () -> EntityRules.toQuery(criteria));
        Set<String> out = new TreeSet<>();
        REFS.stream().filter(queries::readable).forEach(out::add);
        return out;
    }

    /** The refs the single-entity check allows, on the entity as the catalog serves it (and loads it for checks). */
    private Set<String> bySingleCheck(PermissionCriteria criteria) {
        Set<String> out = new TreeSet<>();
        for (String ref : REFS) {
            Map<String, Object> entity = JSON.readValue(index.jsonByRef(ref).orElseThrow(), new TypeReference<Map<String, Object>>() {
            });
            if (holds(criteria, entity)) {
                out.add(ref);
            }
        }
        return out;
    }

    private static boolean holds(PermissionCriteria criteria, Map<String, Object> entity) {
        return switch (criteria) {
            case Condition c -> EntityRules.RULES.stream().filter(r -> r.name().equals(c.rule())).findFirst().orElseThrow().apply(entity, c.params());
            case PermissionCriteria.AllOf all -> all.criteria().stream().allMatch(x -> holds(x, entity));
            case PermissionCriteria.AnyOf any -> any.criteria().stream().anyMatch(x -> holds(x, entity));
            case PermissionCriteria.Not not -> !holds(not.criteria(), entity);
        };
    }

    @Test
    void everyRuleSelectsTheSameEntitiesInTheIndexAndOneByOne() {
        List<String> disagreements = new ArrayList<>();
        for (PermissionRule rule : EntityRules.RULES) {
            assertThat(PARAMS).as("cases for " + rule.name()).containsKey(rule.name());
            for (Map<String, Object> params : PARAMS.get(rule.name())) {
                Condition condition = new Condition(rule.name(), EntityRules.RESOURCE_TYPE, params);
                for (PermissionCriteria criteria : List.of(condition, new PermissionCriteria.Not(condition))) {
                    Set<String> index = byIndex(criteria);
                    Set<String> single = bySingleCheck(criteria);
                    if (!index.equals(single)) {
                        disagreements.add(criteria + ": index " + index + ", single " + single);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theConfirmedExploitIsClosed() {
        // deny HAS_METADATA {key: tags, value: confidential}: the list hides a and c, so must the single check
        PermissionCriteria readable = new PermissionCriteria.Not(new Condition("HAS_METADATA", EntityRules.RESOURCE_TYPE,
                Map.of("key", "tags", "value", "confidential")));
        assertThat(byIndex(readable)).containsExactly("component:default/b", "component:default/d", "component:default/e");
        assertThat(bySingleCheck(readable)).isEqualTo(byIndex(readable));
    }

    @Test
    void combinationsAgreeToo() {
        Condition kind = new Condition("IS_ENTITY_KIND", EntityRules.RESOURCE_TYPE, Map.of("kinds", List.of("component")));
        Condition label = new Condition("HAS_LABEL", EntityRules.RESOURCE_TYPE, Map.of("label", "secret"));
        Condition owner = new Condition("isEntityOwner", EntityRules.RESOURCE_TYPE, Map.of("claims", List.of("user:default/jane")));
        List<PermissionCriteria> cases = List.of(
                new PermissionCriteria.AllOf(List.of(kind, new PermissionCriteria.Not(label))),
                new PermissionCriteria.AnyOf(List.of(owner, label)),
                new PermissionCriteria.AllOf(List.of()), new PermissionCriteria.AnyOf(List.of()));
        for (PermissionCriteria criteria : cases) {
            assertThat(bySingleCheck(normalized(criteria))).as(criteria.toString()).isEqualTo(byIndex(criteria));
        }
    }

    /** The platform normalizes rule names before applying rules (Criteria.forUser); toQuery accepts both spellings. */
    private static PermissionCriteria normalized(PermissionCriteria criteria) {
        return switch (criteria) {
            case Condition c -> new Condition(c.rule().equals("isEntityOwner") ? "IS_ENTITY_OWNER" : c.rule(), c.resourceType(),
                    new LinkedHashMap<>(c.params()));
            case PermissionCriteria.AllOf all -> new PermissionCriteria.AllOf(all.criteria().stream().map(EntityRulesAgreeTest::normalized).toList());
            case PermissionCriteria.AnyOf any -> new PermissionCriteria.AnyOf(any.criteria().stream().map(EntityRulesAgreeTest::normalized).toList());
            case PermissionCriteria.Not not -> new PermissionCriteria.Not(normalized(not.criteria()));
        };
    }
}
