package io.kerberus.catalog.plugin.permission;

import io.kerberus.catalog.plugin.query.EntityIndex;
import io.kerberus.catalog.plugin.query.EntityQueries;
import io.kerberus.plugin.Permission;
import io.kerberus.plugin.PermissionCriteria;
import io.kerberus.plugin.PermissionPolicy;
import io.kerberus.plugin.PermissionRule;
import io.kerberus.plugin.Permissions;
import io.kerberus.plugin.PolicyDecision;
import io.kerberus.plugin.Principal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("CatalogAccess: the read filter fails closed outside a request scope")
class CatalogAccessScopeTest {

    /** A framework that allows everything. */
    private static final Permissions ALLOW_ALL = new Permissions() {
        @Override
        public void declare(Permission... permissions) {
        }

        @Override
        public void resourceType(String resourceType, ResourceLoader loader, PermissionRule... rules) {
        }

        @Override
        public void ownershipResolver(Function<String, Optional<List<String>>> resolver) {
        }

        @Override
        public void usePolicy(PermissionPolicy policy) {
        }

        @Override
        public List<Permission> declared() {
            return List.of();
        }

        @Override
        public Optional<Permission> find(String name) {
            return Optional.empty();
        }

        @Override
        public PolicyDecision authorize(Principal principal, Permission permission) {
            return PolicyDecision.allow("test");
        }

        @Override
        public PolicyDecision authorize(Principal principal, Permission permission, String resourceRef) {
            return PolicyDecision.allow("test");
        }

        @Override
        public boolean matches(PermissionCriteria conditions, String resourceType, Map<String, Object> resource) {
            return true;
        }

        @Override
        public List<String> ownershipOf(String userRef) {
            return List.of(userRef);
        }
    };

    @Test
    void outsideAScopeNothingIsReadableThroughTheRestrictedQueries() {
        EntityIndex index = new EntityIndex();
        index.put("component:default/a", "uid-a", "{\"apiVersion\":\"backstage.io/v1alpha1\",\"kind\":\"Component\",\"metadata\":{\"name\":\"a\"},\"relations\":[]}");
        CatalogAccess access = new CatalogAccess(ALLOW_ALL, index::jsonByRef);
        EntityQueries readable = new EntityQueries(index, access::currentPredicate);

        assertThat(access.currentPredicate()).isEqualTo(EntityRules.NOTHING);
        assertThat(readable.readable("component:default/a")).isFalse();
        assertThat(new EntityQueries(index).readable("component:default/a")).isTrue();
    }
}
