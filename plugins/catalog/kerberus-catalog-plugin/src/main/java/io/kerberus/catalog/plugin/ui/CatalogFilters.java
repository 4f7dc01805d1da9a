package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.plugin.query.EntityFilter;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The filters of the catalog table, read from the URL so that a view can be shared: {@code kind}
 * ({@code all} for every kind), {@code type}, {@code owner} (repeatable, any may own), {@code lifecycle}, {@code tag}
 * (repeatable, all must match), {@code namespace} and {@code user} ({@code all}, {@code owned},
 * {@code starred}).
 */
record CatalogFilters(String kind, String type, List<String> owners, String lifecycle, List<String> tags, String namespace, String user) {

    static final String ALL_KINDS = "all";

    static CatalogFilters from(Request request) {
        String user = request.queryParam("user").map(v -> v.toLowerCase(Locale.ROOT)).filter(v -> List.of("owned", "starred").contains(v)).orElse("all");
        return new CatalogFilters(param(request, "kind").orElse("component").toLowerCase(Locale.ROOT),
                param(request, "type").orElse(null), values(request, "owner"), param(request, "lifecycle").orElse(null),
                values(request, "tag"),
                param(request, "namespace").orElse(null), user);
    }

    private static List<String> values(Request request, String name) {
        return request.queryParams(name).stream().map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static java.util.Optional<String> param(Request request, String name) {
        return request.queryParam(name).map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Only the kind, for the options of the other filters. */
    EntityFilter kindOnly() {
        return kind.equals(ALL_KINDS) ? EntityFilter.ALL : new EntityFilter(List.of(Map.of("kind", Set.of(kind))));
    }

    /** Every filter but the personal one, which needs the caller. */
    EntityFilter shared() {
        Map<String, Set<String>> conditions = new LinkedHashMap<>();
        if (!kind.equals(ALL_KINDS)) {
            conditions.put("kind", Set.of(kind));
        }
        put(conditions, "spec.type", type);
        if (!owners.isEmpty()) {
            Set<String> refs = new LinkedHashSet<>();
            owners.forEach(owner -> refs.add(owner.toLowerCase(Locale.ROOT)));
            conditions.put("relations.ownedby", refs);
        }
        put(conditions, "spec.lifecycle", lifecycle);
        put(conditions, "metadata.namespace", namespace);
        EntityFilter filter = conditions.isEmpty() ? EntityFilter.ALL : new EntityFilter(List.of(conditions));
        for (String tag : tags) {
            filter = filter.and(new EntityFilter(List.of(Map.of("metadata.tags", Set.of(tag.toLowerCase(Locale.ROOT))))));
        }
        return filter;
    }

    /** Every filter, with "owned by me" as the caller's ownership refs. */
    EntityFilter forCaller(Principal caller) {
        if (!user.equals("owned")) {
            return shared();
        }
        return shared().and(owned(caller));
    }

    /** Entities owned by the caller or one of their groups. */
    static EntityFilter owned(Principal caller) {
        Set<String> refs = new LinkedHashSet<>();
        caller.ownershipRefs().forEach(ref -> refs.add(ref.toLowerCase(Locale.ROOT)));
        refs.add(caller.subject().toLowerCase(Locale.ROOT));
        return new EntityFilter(List.of(Map.of("relations.ownedby", refs)));
    }

    private static void put(Map<String, Set<String>> conditions, String key, String value) {
        if (value != null) {
            conditions.put(key, Set.of(value.toLowerCase(Locale.ROOT)));
        }
    }
}
