package io.kerberus.scaffolder.plugin.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogActionsTest {

    @TempDir
    Path workspace;

    FakeCatalog catalog = new FakeCatalog();

    @Test
    void writeDumpsEntityAsYaml() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("entity", Map.of("apiVersion", "backstage.io/v1alpha1",
                "kind", "Component", "metadata", Map.of("name", "petstore")));

        new CatalogWriteAction().run(ctx);

        assertThat(workspace.resolve("catalog-info.yaml")).content()
                .contains("kind: Component").contains("metadata:\n  name: petstore");
    }

    @Test
    void writeRefusesFilePathOutsideWorkspaceAndMissingEntity() {
        TestActionContext ctx = new TestActionContext(workspace).with("filePath", "../catalog-info.yaml")
                .with("entity", Map.of("kind", "Component"));

        assertThatThrownBy(() -> new CatalogWriteAction().run(ctx)).hasMessageContaining("outside the workspace");
        TestActionContext empty = new TestActionContext(workspace);
        assertThatThrownBy(() -> new CatalogWriteAction().run(empty)).hasMessageContaining("input 'entity' is required");
    }

    @Test
    void fetchOutputsEntityWithDefaultKind() {
        catalog.add(Map.of("kind", "Group", "metadata", Map.of("name", "team-a")));
        TestActionContext ctx = new TestActionContext(workspace).with("entityRef", "team-a").with("defaultKind", "group");

        new CatalogFetchAction(() -> catalog, CreatorAccess.UNRESTRICTED).run(ctx);

        assertThat(ctx.outputs.get("entity")).asString().contains("team-a");
    }

    @Test
    void fetchFailsForMissingEntityUnlessOptional() {
        catalog.add(Map.of("kind", "Group", "metadata", Map.of("name", "team-a")));
        TestActionContext ctx = new TestActionContext(workspace).with("entityRefs", List.of("group:team-a", "group:nope"));

        assertThatThrownBy(() -> new CatalogFetchAction(() -> catalog, CreatorAccess.UNRESTRICTED).run(ctx)).hasMessageContaining("group:default/nope not found");
        ctx.with("optional", true);
        new CatalogFetchAction(() -> catalog, CreatorAccess.UNRESTRICTED).run(ctx);
        assertThat((List<?>) ctx.outputs.get("entities")).hasSize(2).containsNull();
        TestActionContext none = new TestActionContext(workspace);
        assertThatThrownBy(() -> new CatalogFetchAction(() -> catalog, CreatorAccess.UNRESTRICTED).run(none)).hasMessageContaining("missing entity reference");
    }

    @Test
    void registerOutputsCatalogInfoUrlAndTheComponentRef() throws Exception {
        String url = "https://github.com/o/r/blob/main/catalog-info.yaml";
        catalog.contentsByTarget.put(url, List.of(
                Map.of("kind", "Location", "metadata", Map.of("name", "generated-1")),
                Map.of("kind", "Component", "metadata", Map.of("name", "petstore"))));
        TestActionContext ctx = new TestActionContext(workspace).with("repoContentsUrl", "https://github.com/o/r/blob/main/");

        new CatalogRegisterAction(() -> catalog, Duration.ofSeconds(1), CreatorAccess.UNRESTRICTED).run(ctx);

        assertThat(catalog.registered).containsExactly("url:" + url + " by scaffolder:task-1");
        assertThat(ctx.outputs).containsEntry("catalogInfoUrl", url).containsEntry("entityRef", "component:default/petstore");
    }

    @Test
    void registerWithoutEntityYetOutputsOnlyTheUrl() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("catalogInfoUrl", "https://example.com/c.yaml");

        new CatalogRegisterAction(() -> catalog, Duration.ofMillis(300), CreatorAccess.UNRESTRICTED).run(ctx);

        assertThat(ctx.outputs).containsOnlyKeys("catalogInfoUrl");
        assertThat(ctx.log()).contains("has not read");
    }

    @Test
    void registerInDryRunRegistersNothing() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace).with("catalogInfoUrl", "https://example.com/c.yaml");
        ctx.dryRun = true;

        new CatalogRegisterAction(() -> catalog, Duration.ofSeconds(1), CreatorAccess.UNRESTRICTED).run(ctx);

        assertThat(catalog.registered).isEmpty();
        assertThat(ctx.log()).contains("would register https://example.com/c.yaml");
    }

    @Test
    void registerNeedsAUrlAndSkipsFailuresWhenOptional() throws Exception {
        TestActionContext ctx = new TestActionContext(workspace);
        assertThatThrownBy(() -> new CatalogRegisterAction(() -> catalog, Duration.ZERO, CreatorAccess.UNRESTRICTED).run(ctx))
                .hasMessageContaining("set catalogInfoUrl, or repoContentsUrl");
        FakeCatalog failing = new FakeCatalog() {
            @Override
            public String registerLocation(String type, String target, String origin) {
                throw new io.kerberus.plugin.InputException("not allowed");
            }
        };
        TestActionContext optional = new TestActionContext(workspace).with("catalogInfoUrl", "https://x/c.yaml").with("optional", true);

        new CatalogRegisterAction(() -> failing, Duration.ZERO, CreatorAccess.UNRESTRICTED).run(optional);

        assertThat(optional.log()).contains("skipping as it is optional");
        assertThat(Arrays.asList(optional.outputs.keySet().toArray())).isEmpty();
    }
}
