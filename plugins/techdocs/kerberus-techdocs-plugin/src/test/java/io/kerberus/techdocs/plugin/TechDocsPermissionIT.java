package io.kerberus.techdocs.plugin;

import io.kerberus.plugin.Principal;
import io.kerberus.test.TestDatabase;
import io.kerberus.test.TestHttp;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code techdocs.entity.read}: docs a user may not read answer 404 on the reader, the Docs tab and
 * Backstage's {@code /api/techdocs} routes, and are left out of the {@code /docs} list; the entity
 * itself stays readable in the catalog. On both databases.
 */
@DisplayName("TechDocs enforces techdocs.entity.read on pages, the Docs tab and /api/techdocs (issue #8)")
@ParameterizedClass(name = "on {0}")
@EnumSource(TestDatabase.class)
class TechDocsPermissionIT {

    static DocsPortal portal;

    @Parameter
    TestDatabase database;

    @BeforeParameterizedClassInvocation
    static void start(TestDatabase database) {
        portal = DocsPortal.start(database, """
                permission:
                  rbac:
                    roles:
                      - name: no-team-b-docs
                        members: [user:default/jane]
                        rules:
                          - {permission: techdocs.entity.read, decision: deny, conditions: {rule: HAS_SPEC, params: {key: owner, value: team-b}}}
                """);
    }

    @AfterParameterizedClassInvocation
    static void stop() {
        portal.close();
    }

    static TestHttp as(String user, String group) {
        return portal.backend.http().withToken(portal.backend.backend().tokens().issueUserToken(Principal.user(user, java.util.List.of(user, group), null)));
    }

    @Test
    void deniedDocsAre404AndLeftOutOfTheList() {
        TestHttp jane = as("user:default/jane", "group:default/team-a");
        TestHttp bob = as("user:default/bob", "group:default/team-b");

        String list = jane.get("/docs").body();

        assertThat(list).contains("/docs/default/component/orders/").doesNotContain("/docs/default/component/remote/");
        assertThat(bob.get("/docs").body()).contains("/docs/default/component/remote/");
        assertThat(jane.get("/docs/default/component/remote/").status()).isEqualTo(404);
        assertThat(jane.get("/docs/default/component/remote/-/log").status()).isEqualTo(404);
        assertThat(jane.get("/catalog/default/component/remote/docs").status()).isEqualTo(404);
        assertThat(jane.get("/api/techdocs/metadata/entity/default/component/remote").status()).isEqualTo(404);
        assertThat(jane.get("/api/techdocs/metadata/techdocs/default/component/remote").status()).isEqualTo(404);
        assertThat(jane.get("/api/techdocs/static/docs/default/component/remote/index.html").status()).isEqualTo(404);
        assertThat(jane.get("/api/catalog/entities/by-name/component/default/remote").status()).isEqualTo(200);
        assertThat(jane.get("/api/techdocs/metadata/entity/default/component/orders").status()).isEqualTo(200);
        assertThat(bob.get("/api/techdocs/metadata/entity/default/component/remote").status()).isEqualTo(200);
    }
}
