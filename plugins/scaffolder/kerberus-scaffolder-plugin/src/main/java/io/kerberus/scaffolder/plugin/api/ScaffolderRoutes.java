package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.plugin.Routes;
import io.kerberus.scaffolder.plugin.tasks.ActionRegistry;
import io.kerberus.scaffolder.plugin.tasks.DryRunner;
import io.kerberus.scaffolder.plugin.tasks.InputValidator;
import io.kerberus.scaffolder.plugin.tasks.SecretVault;
import io.kerberus.scaffolder.plugin.tasks.TaskRunner;
import io.kerberus.scaffolder.plugin.tasks.TaskSignals;
import io.kerberus.scaffolder.plugin.tasks.TaskStore;
import tools.jackson.databind.JsonNode;

import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Mounts Backstage's scaffolder API under {@code /api/scaffolder}: {@code /v2/templates/.../parameter-schema},
 * {@code /v2/actions}, {@code /v2/tasks...} and {@code /v2/dry-run}.
 */
public final class ScaffolderRoutes {

    private ScaffolderRoutes() {
    }

    /**
     * The parts the routes use.
     *
     * @param store        tasks, steps and events
     * @param runner       this replica's runner
     * @param vault        secrets in memory
     * @param signals      wakes event streams
     * @param catalog      the catalog, looked up on first use
     * @param actions      the installed actions
     * @param dryRunner    runs dry runs
     * @param validator    JSON Schema checks
     * @param userEntities a user's entity as JSON by ref, or null
     * @param access       the permission checks
     */
    public record Parts(TaskStore store, TaskRunner runner, SecretVault vault, TaskSignals signals, Supplier<CatalogClient> catalog,
                        ActionRegistry actions, DryRunner dryRunner, InputValidator validator, Function<String, JsonNode> userEntities,
                        ScaffolderAccess access) {
    }

    /** Mounts the routes; returns the launcher the pages start, cancel and retry tasks with. */
    public static TaskLauncher mount(Routes routes, Parts parts) {
        TemplateSpecs templates = new TemplateSpecs(parts.catalog(), parts.validator());
        TaskLauncher launcher = new TaskLauncher(parts.store(), parts.runner(), parts.vault(), templates, parts.access());
        new TemplateRoutes(templates, parts.actions(), parts.dryRunner(), parts.userEntities(), parts.access()).mount(routes);
        new TaskRoutes(parts.store(), parts.signals(), launcher).mount(routes);
        return launcher;
    }
}
