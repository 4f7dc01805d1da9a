package io.kerberus.catalog;

import java.util.Map;
import java.util.Objects;

/**
 * A relation from one entity to another, as it appears in an entity's {@code relations}.
 *
 * @param type      the relation type, such as {@code ownedBy}
 * @param targetRef the target's ref, lower-case ({@code group:default/team-a})
 */
public record Relation(String type, String targetRef) {

    /** The owner. */
    public static final String OWNED_BY = "ownedBy";
    public static final String OWNER_OF = "ownerOf";
    public static final String PART_OF = "partOf";
    public static final String HAS_PART = "hasPart";
    public static final String MEMBER_OF = "memberOf";
    public static final String HAS_MEMBER = "hasMember";
    public static final String CHILD_OF = "childOf";
    public static final String PARENT_OF = "parentOf";
    public static final String PROVIDES_API = "providesApi";
    public static final String API_PROVIDED_BY = "apiProvidedBy";
    public static final String CONSUMES_API = "consumesApi";
    public static final String API_CONSUMED_BY = "apiConsumedBy";
    public static final String DEPENDS_ON = "dependsOn";
    public static final String DEPENDENCY_OF = "dependencyOf";

    /** Each relation type and its inverse, both ways. */
    public static final Map<String, String> INVERSES = Map.ofEntries(
            Map.entry(OWNED_BY, OWNER_OF), Map.entry(OWNER_OF, OWNED_BY),
            Map.entry(PART_OF, HAS_PART), Map.entry(HAS_PART, PART_OF),
            Map.entry(MEMBER_OF, HAS_MEMBER), Map.entry(HAS_MEMBER, MEMBER_OF),
            Map.entry(CHILD_OF, PARENT_OF), Map.entry(PARENT_OF, CHILD_OF),
            Map.entry(PROVIDES_API, API_PROVIDED_BY), Map.entry(API_PROVIDED_BY, PROVIDES_API),
            Map.entry(CONSUMES_API, API_CONSUMED_BY), Map.entry(API_CONSUMED_BY, CONSUMES_API),
            Map.entry(DEPENDS_ON, DEPENDENCY_OF), Map.entry(DEPENDENCY_OF, DEPENDS_ON));

    public Relation {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(targetRef, "targetRef");
    }
}
