package io.kerberus.notifications.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.Relation;
import io.kerberus.plugin.InputException;
import org.slf4j.Logger;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns entity refs into user refs as Backstage's {@code getUsersForEntityRef} does: a user is
 * itself, a group is its member users ({@code hasMember}) and those of its child groups
 * ({@code parentOf}), any other entity is its owner's users ({@code ownedBy}). Excluded refs are
 * left out at every level. Without the catalog only user refs can be resolved.
 */
final class RecipientResolver {

    /** Guards against cycles and runaway hierarchies. */
    private static final int MAX_ENTITIES = 10_000;

    private final Supplier<Optional<CatalogClient>> catalog;
    private final Logger logger;

    RecipientResolver(Supplier<Optional<CatalogClient>> catalog, Logger logger) {
        this.catalog = catalog;
        this.logger = logger;
    }

    /** The users, in a stable order, without duplicates. */
    List<String> users(List<String> entityRefs, List<String> excludeRefs) {
        Set<String> excluded = new HashSet<>();
        excludeRefs.forEach(ref -> excluded.add(key(ref).toLowerCase(java.util.Locale.ROOT)));
        Set<String> users = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        entityRefs.forEach(ref -> pending.add(key(ref)));
        Set<String> seen = new HashSet<>();
        Optional<CatalogClient> client = catalog.get();
        while (!pending.isEmpty() && seen.size() < MAX_ENTITIES) {
            String ref = pending.poll();
            String lower = ref.toLowerCase(java.util.Locale.ROOT);
            if (!seen.add(lower) || excluded.contains(lower)) {
                continue;
            }
            if (ref.startsWith("user:")) {
                users.add(ref);
                continue;
            }
            if (client.isEmpty()) {
                logger.warn("Cannot resolve the users of {} without the catalog plugin; skipping it", ref);
                continue;
            }
            Optional<Entity> entity = client.get().entity(EntityRef.parse(ref));
            entity.ifPresent(found -> expand(found, pending));
        }
        return List.copyOf(users);
    }

    private static void expand(Entity entity, Deque<String> pending) {
        List<Relation> relations = entity.relations();
        if (entity.kind().equalsIgnoreCase("group")) {
            relations.stream().filter(r -> r.type().equals(Relation.HAS_MEMBER) || r.type().equals(Relation.PARENT_OF))
                    .forEach(r -> pending.add(key(r.targetRef())));
            return;
        }
        relations.stream().filter(r -> r.type().equals(Relation.OWNED_BY)).findFirst().ifPresent(r -> pending.add(key(r.targetRef())));
    }

    /** The normalised {@code kind:namespace/name} of a ref; a ref without kind is taken as a user. */
    static String key(String ref) {
        try {
            return EntityRef.parse(ref, "user", EntityRef.DEFAULT_NAMESPACE).toString();
        } catch (IllegalArgumentException e) {
            throw new InputException("recipients.entityRef: " + e.getMessage());
        }
    }
}
