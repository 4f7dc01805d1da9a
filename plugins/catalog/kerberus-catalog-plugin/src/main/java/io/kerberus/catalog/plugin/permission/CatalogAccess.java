package io.kerberus.catalog.plugin.permission;

import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.NotAllowedException;
import io.kerberus.plugin.Permission;
import io.kerberus.plugin.Permissions;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's side of the permission framework: declares its permissions, the
 * {@code catalog-entity} resource type with its rules, and a resolver of users' ownership refs; and
 * for each request turns the {@code catalog.entity.read} decision into a filter predicate for the
 * index ({@link #readPredicate}). Handlers run inside {@link #scope}, so that the queries built once
 * for the pages see the caller's predicate.
 */
public final class CatalogAccess {

    private static final Logger LOG = LoggerFactory.getLogger("kerberus.catalog");
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private final Permissions permissions;

    private static final class Scope {
        final Principal principal;
        Object predicate;
        boolean computed;

        Scope(Principal principal) {
            this.principal = principal;
        }
    }

    /**
     * @param permissions the framework
     * @param index       an entity's JSON by its ref key ({@code kind:namespace/name}, lower-case)
     */
    public CatalogAccess(Permissions permissions, java.util.function.Function<String, Optional<String>> index) {
        this.permissions = permissions;
        permissions.declare(CatalogPermissions.ALL.toArray(Permission[]::new));
        permissions.resourceType(EntityRules.RESOURCE_TYPE, ref -> load(index, ref), EntityRules.RULES.toArray(io.kerberus.plugin.PermissionRule[]::new));
        permissions.ownershipResolver(ref -> ownership(index, ref));
    }

    /** A handler run with the request's principal as the scope of {@link #currentPredicate}. */
    public interface Body {
        Object run() throws Exception;
    }

    /** Runs {@code body} with the caller of {@code request} in scope. */
    public Object scope(Request request, Body body) throws Exception {
        Scope previous = CURRENT.get();
        CURRENT.set(new Scope(request.principal().orElse(null)));
        try {
            return body.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /**
     * The read predicate of the caller in scope; outside a scope {@link EntityRules#NOTHING} (fail
     * closed): code that runs without a request and needs every entity uses the unrestricted
     * {@code EntityQueries} explicitly, as the catalog client service does.
     */
    public Object currentPredicate() {
        Scope scope = CURRENT.get();
        if (scope == null) {
            return EntityRules.NOTHING;
        }
        if (!scope.computed) {
            scope.predicate = readPredicate(scope.principal);
            scope.computed = true;
        }
        return scope.predicate;
    }

    /**
     * The {@code catalog.entity.read} decision for a principal as an index predicate: null when
     * everything may be read, {@link EntityRules#NOTHING} when nothing, else the conditions.
     */
    public Object readPredicate(Principal principal) {
        if (principal == null) {
            return EntityRules.NOTHING;
        }
        PolicyDecision decision = permissions.authorize(principal, CatalogPermissions.ENTITY_READ);
        return switch (decision.result()) {
            case ALLOW -> null;
            case DENY -> EntityRules.NOTHING;
            case CONDITIONAL -> {
                try {
                    yield EntityRules.toQuery(decision.conditions());
                } catch (IllegalArgumentException e) {
                    LOG.error("Cannot apply the read conditions of {} ({}); showing nothing: {}", principal.subject(), decision.reason(), e.getMessage());
                    yield EntityRules.NOTHING;
                }
            }
        };
    }

    /** Whether the principal may do {@code permission} on the entity (a resource permission) or at all (a basic one). */
    public boolean allowed(Principal principal, Permission permission, String entityRef) {
        if (principal == null) {
            return false;
        }
        PolicyDecision decision = permission.isResource() && entityRef != null
                ? permissions.authorize(principal, permission, entityRef) : permissions.authorize(principal, permission);
        return decision.isAllowed();
    }

    /** Throws 403 naming the permission and the deciding rule unless allowed. */
    public void require(Principal principal, Permission permission, String entityRef) {
        if (principal == null) {
            throw new NotAllowedException("A credential is needed for " + permission.name());
        }
        permissions.require(principal, permission, permission.isResource() ? entityRef : null);
    }

    private static Optional<Map<String, Object>> load(java.util.function.Function<String, Optional<String>> index, String ref) {
        String key;
        try {
            key = EntityRef.parse(ref).key();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return index.apply(key).map(json -> JSON.readValue(json, MAP));
    }

    /** The user, its groups (memberOf) and their parent groups, when the user is in the catalog. */
    private static Optional<List<String>> ownership(java.util.function.Function<String, Optional<String>> index, String userRef) {
        Optional<Map<String, Object>> user = load(index, userRef);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Set<String> refs = new LinkedHashSet<>();
        refs.add(EntityRef.parse(userRef).toString());
        Deque<String> groups = new ArrayDeque<>(targets(user.get(), "memberOf"));
        while (!groups.isEmpty() && refs.size() < 1000) {
            String group = groups.pop();
            if (refs.add(group)) {
                load(index, group).ifPresent(g -> groups.addAll(targets(g, "childOf")));
            }
        }
        return Optional.of(List.copyOf(refs));
    }

    private static List<String> targets(Map<String, Object> entity, String type) {
        List<String> out = new ArrayList<>();
        if (entity.get("relations") instanceof List<?> relations) {
            for (Object relation : relations) {
                if (relation instanceof Map<?, ?> r && type.equals(r.get("type")) && r.get("targetRef") != null) {
                    out.add(r.get("targetRef").toString());
                }
            }
        }
        return out;
    }
}
