package io.kerberus.search.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.plugin.Permission;
import io.kerberus.plugin.Permissions;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;
import io.kerberus.search.SearchAccess;
import io.kerberus.search.plugin.collate.CatalogCollator;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code catalog.entity.read} as engine filters, so that results, totals, pages and facet counts
 * hold only documents of entities the user may read (catalog entities and their docs sections).
 * Allowed: no filter; denied: nothing. Conditions that say "kind is one of" or "owned by one of"
 * (with {@code allOf} and same-field {@code anyOf}) become filters on the indexed {@code kind} and
 * {@code ownedBy} fields ({@link ReadFilters}); any other condition is applied to the catalog's
 * entities and becomes a filter on the indexed {@code entityRef} — still in the engine, so paging
 * and counts stay right. Documents without an entity (other collators) are then left out.
 */
final class ReadAccess implements SearchAccess {

    static final Permission ENTITY_READ = Permission.resource("catalog.entity.read", "read", "catalog-entity");
    private static final int PAGE = 2_000;
    private static final long CACHE_MILLIS = 2_000;
    private static final int CACHE_SIZE = 64;

    private record Cached(List<String> refs, long at) {
    }

    private final Permissions permissions;
    private final Supplier<Optional<CatalogClient>> catalog;
    private final Clock clock;
    private final Map<String, Cached> readable = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    ReadAccess(Permissions permissions, Supplier<Optional<CatalogClient>> catalog, Clock clock) {
        this.permissions = permissions;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public Map<String, List<String>> filters(Principal user) {
        if (user == null) {
            return null;
        }
        PolicyDecision decision = permissions.authorize(user, ENTITY_READ);
        return switch (decision.result()) {
            case ALLOW -> Map.of();
            case DENY -> null;
            case CONDITIONAL -> {
                if (!"catalog-entity".equals(decision.resourceType())) {
                    yield null;
                }
                Optional<Map<String, List<String>>> filters = ReadFilters.of(decision.conditions());
                if (filters.isPresent()) {
                    yield filters.get().values().stream().anyMatch(List::isEmpty) ? null : filters.get();
                }
                List<String> refs = readableRefs(decision);
                yield refs.isEmpty() ? null : Map.of(CatalogCollator.ENTITY_REF_FACET, refs);
            }
        };
    }

    /** The refs of the entities the conditions hold for, kept a moment for the next page and the suggestions. */
    private List<String> readableRefs(PolicyDecision decision) {
        String key = decision.conditions().toJson().toString();
        long now = clock.millis();
        synchronized (readable) {
            Cached cached = readable.get(key);
            if (cached != null && now - cached.at() < CACHE_MILLIS) {
                return cached.refs();
            }
        }
        List<String> refs = new ArrayList<>();
        Optional<CatalogClient> client = catalog.get();
        if (client.isPresent()) {
            for (int offset = 0; ; offset += PAGE) {
                List<Entity> page = client.get().query(List.of(), offset, PAGE).items();
                for (Entity entity : page) {
                    if (permissions.matches(decision.conditions(), "catalog-entity", entity.data())) {
                        refs.add(CatalogCollator.refValue(entity.ref()));
                    }
                }
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        List<String> kept = List.copyOf(refs);
        synchronized (readable) {
            readable.put(key, new Cached(kept, now));
        }
        return kept;
    }
}
