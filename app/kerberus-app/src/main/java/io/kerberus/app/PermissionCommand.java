package io.kerberus.app;

import io.kerberus.platform.Backend;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.platform.permission.PermissionService;
import io.kerberus.platform.plugins.PluginSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code kerberus permission ...}: the permission explainer. */
@Command(name = "permission", description = "Explain permission decisions.",
        subcommands = {PermissionCommand.Check.class, CommandLine.HelpCommand.class})
final class PermissionCommand {

    /**
     * {@code kerberus permission check}: starts the plugins on the configured database without
     * serving (the same policy, roles and catalog as the portal), and prints whether the user may,
     * and which rule decided. Exit code 0 when allowed, 3 when denied or conditional.
     */
    @Command(name = "check", description = "Print whether a user may do something, and which rule decided (exit 0 allowed, 3 denied).")
    static final class Check implements Callable<Integer> {

        @Mixin
        ConfigOptions config = new ConfigOptions();

        @Option(names = "--user", required = true, description = "The user, such as user:default/jane; groups come from the catalog.")
        String user;

        @Option(names = "--permission", required = true, description = "The permission, such as catalog.entity.delete.")
        String permission;

        @Option(names = "--entity", description = "The entity, such as component:default/x (for resource permissions).")
        String entity;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            LoadedConfig loaded = config.load(Path.of("").toAbsolutePath());
            Backend.Prepared prepared = Backend.prepare(loaded, PluginSet.discover(loaded), null);
            try (Backend backend = Backend.startWithoutServing(prepared, Clock.systemUTC())) {
                PermissionService.Explanation explanation;
                try {
                    explanation = backend.permissions().explain(user, permission, entity);
                } catch (io.kerberus.plugin.InputException e) {
                    err.println("error: " + e.getMessage());
                    err.flush();
                    return 2;
                }
                out.println(explanation.text());
                out.flush();
                return explanation.decision().isAllowed() ? 0 : 3;
            }
        }
    }
}
