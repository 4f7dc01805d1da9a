package io.kerberus.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("kerberus permission check: the why-denied explainer (issue #8)")
class PermissionCommandTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run check(String... args) throws IOException {
        Files.writeString(dir.resolve("all.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Group
                metadata: {name: team-a}
                spec: {type: team, children: []}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: User
                metadata: {name: jane}
                spec: {memberOf: [team-a]}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: x}
                spec: {type: service, lifecycle: production, owner: group:default/team-a}
                ---
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: y}
                spec: {type: service, lifecycle: production, owner: group:default/other}
                """);
        Path config = dir.resolve("app-config.yaml");
        Files.writeString(config, """
                backend:
                  dataDir: '%s'
                  database: {client: h2, connection: {directory: '%s'}}
                  logger: {level: warn}
                catalog:
                  rules: [{allow: [Component, Group, User]}]
                  fileRoots: ['%s']
                  locations: [{type: file, target: '%s'}]
                permission:
                  enabled: true
                """.formatted(dir.resolve("data"), dir.resolve("data"), dir, dir.resolve("all.yaml")));
        processCatalog(config);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 3];
        all[0] = "permission";
        all[1] = "check";
        all[2] = "--config=" + config;
        System.arraycopy(args, 0, all, 3, args.length);
        int code = Main.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs the portal until the catalog is in the database, as a running portal would have done. */
    private void processCatalog(Path config) throws IOException {
        io.kerberus.platform.config.LoadedConfig loaded = io.kerberus.platform.config.ConfigLoader.load(
                io.kerberus.platform.config.ConfigLoader.standardLayers(dir, java.util.List.of(config)), java.util.Map.of());
        io.kerberus.platform.Backend.Prepared prepared = io.kerberus.platform.Backend.prepare(loaded,
                io.kerberus.platform.plugins.PluginSet.discover(loaded), 0);
        try (io.kerberus.platform.Backend backend = io.kerberus.platform.Backend.start(prepared, java.time.Clock.systemUTC())) {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!backend.permissions().ownershipOf("user:default/jane").contains("group:default/team-a") && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Test
    void unknownPermissionIsAUsageError() throws IOException {
        Run run = check("--user", "user:default/jane", "--permission", "catalog.entity.fly");

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown permission 'catalog.entity.fly'").contains("catalog.entity.delete");
    }

    @Test
    void explainsADenialWithTheDecidingRule() throws IOException {
        Run run = check("--user", "user:default/jane", "--permission", "catalog.entity.delete", "--entity", "component:default/y");

        assertThat(run.code()).isEqualTo(3);
        assertThat(run.out()).startsWith("DENIED: user:default/jane catalog.entity.delete component:default/y")
                .contains("Decided by: default policy: owners and admins may delete entities (IS_ENTITY_OWNER)")
                .contains("does not hold");
        Run allowed = check("--user", "user:default/jane", "--permission", "catalog.entity.delete", "--entity", "component:default/x");
        assertThat(allowed.code()).isZero();
        assertThat(allowed.out()).startsWith("ALLOWED").contains("holds: IS_ENTITY_OWNER").contains("group:default/team-a");
    }
}
