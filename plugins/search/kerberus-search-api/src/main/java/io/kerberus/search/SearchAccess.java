package io.kerberus.search;

import io.kerberus.plugin.Principal;
import io.kerberus.plugin.ServiceRef;

import java.util.List;
import java.util.Map;

/**
 * Narrows what a user may find, beyond {@code catalog.entity.read}, which the search plugin always
 * applies itself; a plugin may provide one more. Its filters become engine filters (AND-ed with the
 * user's own), so result pages stay full and counts stay right, instead of results being dropped
 * after the query.
 */
public interface SearchAccess {

    ServiceRef<SearchAccess> REF = ServiceRef.of("search.access", SearchAccess.class);

    /**
     * The filters for {@code user}'s queries: facet key to the values allowed (such as
     * {@code owner: [team-a, jane]}); an empty map allows everything; {@code null} allows nothing.
     */
    Map<String, List<String>> filters(Principal user);
}
