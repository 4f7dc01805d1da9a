package io.kerberus.catalog.plugin.users;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.catalog.Relation;
import io.kerberus.plugin.auth.UserDirectory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The platform's {@link UserDirectory} over the catalog: User entities found with the catalog's
 * filters, and ownership through {@code memberOf} relations and the groups' {@code childOf}
 * relations, followed transitively (cycles are harmless).
 */
public final class CatalogUserDirectory implements UserDirectory {

    /** Backstage filter syntax splits on {@code ,} and {@code =}: values with them cannot be asked for. */
    private static final Pattern SAFE_VALUE = Pattern.compile("[^,=\\s]{1,320}");
    private static final int MAX_GROUPS = 1_000;

    private final CatalogClient catalog;

    public CatalogUserDirectory(CatalogClient catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<User> findUsers(String field, String value) {
        if (value == null || !SAFE_VALUE.matcher(value).matches() || !SAFE_VALUE.matcher(field).matches()) {
            return List.of();
        }
        return catalog.query(List.of("kind=user," + field + "=" + value), 0, 10).items().stream()
                .map(user -> new User(user.ref().key(), displayName(user), ownership(user)))
                .toList();
    }

    /** The User entity with this ref; empty when the ref is not a User or the catalog no longer has it. */
    @Override
    public Optional<User> findUser(String userEntityRef) {
        return parse(userEntityRef)
                .filter(ref -> ref.kind().equalsIgnoreCase("user"))
                .flatMap(catalog::entity)
                .filter(user -> user.kind().equalsIgnoreCase("user"))
                .map(user -> new User(user.ref().key(), displayName(user), ownership(user)));
    }

    @Override
    public List<String> ownershipRefs(String userEntityRef) {
        EntityRef ref;
        try {
            ref = EntityRef.parse(userEntityRef);
        } catch (RuntimeException e) {
            return List.of(userEntityRef);
        }
        return catalog.entity(ref).map(this::ownership).orElse(List.of(ref.key()));
    }

    private List<String> ownership(Entity user) {
        Set<String> refs = new LinkedHashSet<>();
        refs.add(user.ref().key());
        Deque<String> groups = new ArrayDeque<>(targets(user, Relation.MEMBER_OF));
        while (!groups.isEmpty() && refs.size() < MAX_GROUPS) {
            String group = groups.removeFirst().toLowerCase(java.util.Locale.ROOT);
            if (refs.add(group)) {
                parse(group).flatMap(catalog::entity).ifPresent(entity -> groups.addAll(targets(entity, Relation.CHILD_OF)));
            }
        }
        return List.copyOf(refs);
    }

    private static List<String> targets(Entity entity, String type) {
        List<String> targets = new ArrayList<>();
        for (Relation relation : entity.relations()) {
            if (relation.type().equals(type)) {
                targets.add(relation.targetRef());
            }
        }
        return targets;
    }

    private static Optional<EntityRef> parse(String ref) {
        try {
            return Optional.of(EntityRef.parse(ref));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String displayName(Entity user) {
        return user.specString("profile.displayName").or(user::title).orElse(user.name());
    }
}
