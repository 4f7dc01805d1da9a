package io.kerberus.notifications.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientResolverTest {

    static Entity entity(String kind, String name, Map<String, String> relations) {
        return Entity.of(Map.of("apiVersion", "backstage.io/v1alpha1", "kind", kind, "metadata", Map.of("name", name, "namespace", "default"),
                "relations", relations.entrySet().stream().map(e -> Map.of("type", e.getValue(), "targetRef", e.getKey())).toList()));
    }

    /** A catalog that knows only {@link #entity} lookups. */
    static CatalogClient catalog(Entity... entities) {
        return (CatalogClient) Proxy.newProxyInstance(CatalogClient.class.getClassLoader(), new Class<?>[] {CatalogClient.class}, (proxy, method, args) -> {
            if (method.getName().equals("entity")) {
                EntityRef ref = (EntityRef) args[0];
                return List.of(entities).stream().filter(e -> e.ref().key().equals(ref.key())).findFirst();
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }

    final CatalogClient catalog = catalog(
            entity("Group", "team-a", Map.of("user:default/jane", "hasMember", "user:default/joe", "hasMember", "group:default/ops", "parentOf")),
            entity("Group", "ops", Map.of("user:default/ann", "hasMember", "group:default/team-a", "childOf")),
            entity("Component", "orders", Map.of("group:default/team-a", "ownedBy")));
    final RecipientResolver resolver = new RecipientResolver(() -> Optional.of(catalog), LoggerFactory.getLogger("test"));

    @Test
    void expandsGroupsToMembersAndChildGroupsMembers() {
        assertThat(resolver.users(List.of("group:default/team-a"), List.of()))
                .containsExactlyInAnyOrder("user:default/jane", "user:default/joe", "user:default/ann");
    }

    @Test
    void resolvesAnEntityToItsOwnersUsersLeavingOutExclusions() {
        assertThat(resolver.users(List.of("component:default/orders", "jane"), List.of("group:default/ops", "user:default/joe")))
                .containsExactly("user:default/jane");
    }

    @Test
    void passesUserRefsThroughWithoutTheCatalog() {
        RecipientResolver alone = new RecipientResolver(Optional::empty, LoggerFactory.getLogger("test"));

        assertThat(alone.users(List.of("user:default/jane", "group:default/team-a"), List.of())).containsExactly("user:default/jane");
    }
}
