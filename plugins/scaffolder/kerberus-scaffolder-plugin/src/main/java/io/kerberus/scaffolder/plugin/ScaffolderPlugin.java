package io.kerberus.scaffolder.plugin;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.Plugin;
import io.kerberus.plugin.PluginContext;
import io.kerberus.plugin.Registrar;
import io.kerberus.scaffolder.ScaffolderExtensions;
import io.kerberus.scaffolder.plugin.api.ScaffolderRoutes;
import io.kerberus.scaffolder.plugin.api.TaskLauncher;
import io.kerberus.scaffolder.plugin.form.CatalogPickerSource;
import io.kerberus.scaffolder.plugin.tasks.ActionRegistry;
import io.kerberus.scaffolder.plugin.tasks.DryRunner;
import io.kerberus.scaffolder.plugin.tasks.InputValidator;
import io.kerberus.scaffolder.plugin.tasks.SecretVault;
import io.kerberus.scaffolder.plugin.tasks.TaskExecution;
import io.kerberus.scaffolder.plugin.tasks.TaskRunner;
import io.kerberus.scaffolder.plugin.tasks.TaskSignals;
import io.kerberus.scaffolder.plugin.tasks.TaskStore;
import io.kerberus.scaffolder.plugin.tasks.Workspaces;
import io.kerberus.scaffolder.plugin.template.TemplateRenderer;
import io.kerberus.scaffolder.plugin.ui.CreatePages;
import org.jdbi.v3.core.Jdbi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Software templates: runs Backstage v1beta3 Template entities as tasks stored in the database,
 * with Backstage's {@code /api/scaffolder/v2} API and the {@code /create} pages (gallery, forms,
 * review, live run pages). On by default; {@code scaffolder.enabled: false} turns it off.
 */
public final class ScaffolderPlugin implements Plugin {

    private final ActionRegistry actions = new ActionRegistry();
    private ScaffolderConfig config;

    @Override
    public String id() {
        return "scaffolder";
    }

    @Override
    public void register(Registrar registrar) {
        config = ScaffolderConfig.from(registrar.config(), registrar.rootConfig());
        registrar.uses(CatalogClient.REF);
        registrar.usesIfPresent(io.kerberus.notifications.NotificationService.REF);
        registrar.extensionPoint(ScaffolderExtensions.ACTIONS, actions);
    }

    @Override
    public void init(PluginContext context) {
        Supplier<CatalogClient> catalog = context.lazyService(CatalogClient.REF);
        TaskSignals signals = new TaskSignals();
        TaskStore store = new TaskStore(context.database().unwrap(Jdbi.class), context.clock(), signals);
        // before the actions: the catalog and notification actions act with the task creator's authority
        io.kerberus.scaffolder.plugin.api.ScaffolderAccess access = new io.kerberus.scaffolder.plugin.api.ScaffolderAccess(context.permissions(),
                ref -> {
                    try {
                        return catalog.get().entity(EntityRef.parse(ref, "template", EntityRef.DEFAULT_NAMESPACE));
                    } catch (IllegalArgumentException e) {
                        return java.util.Optional.empty();
                    }
                }, store);
        // the built-in actions; an id a module already added fails start-up (ActionRegistry.add)
        io.kerberus.scaffolder.plugin.actions.BuiltinActions.create(catalog, config.scmTypes(),
                host -> java.util.Optional.ofNullable(config.github().get(host))
                        .or(() -> host.equals("github.com") ? java.util.Optional.of(
                                io.kerberus.scaffolder.plugin.actions.GithubIntegration.githubCom(java.util.Optional.empty())) : java.util.Optional.empty()),
                host -> java.util.Optional.ofNullable(config.gitlab().get(host)), access)
                .forEach(actions::add);
        // notification:send only when a plugin provides notifications (it may start after the scaffolder)
        io.kerberus.scaffolder.plugin.actions.NotificationSendAction.addWhenAvailable(actions,
                () -> actions.find(io.kerberus.scaffolder.plugin.actions.NotificationSendAction.ID),
                context.optionalService(io.kerberus.notifications.NotificationService.REF), context.lifecycle(), access);

        SecretVault vault = new SecretVault(context.clock());
        InputValidator validator = new InputValidator();
        TaskExecution execution = new TaskExecution(actions, TemplateRenderer.create(config.scmTypes()), validator);
        Function<String, JsonNode> userEntities = ref -> catalog.get().entity(EntityRef.parse(ref))
                .<JsonNode>map(entity -> JsonMapper.shared().valueToTree(entity.data())).orElse(null);
        String replica = "scaffolder-" + UUID.randomUUID().toString().substring(0, 8);
        TaskRunner runner = new TaskRunner(replica, store, signals, execution,
                new Workspaces(context.dataDirectory().resolve("workspaces"), context.clock(), config.workspaceRetention()), vault, userEntities,
                new TaskRunner.Settings(config.workers(), config.pollInterval(), config.heartbeatInterval(), config.heartbeatTimeout(),
                        config.workspaceRetention()),
                context.clock(), context.logger());
        DryRunner dryRunner = new DryRunner(execution, context.dataDirectory().resolve("dry-runs"));
        TaskLauncher launcher = ScaffolderRoutes.mount(context.routes(), new ScaffolderRoutes.Parts(store, runner, vault, signals, catalog,
                actions, dryRunner, validator, userEntities, access));
        CreatePages.mount(context.pages(), launcher, store, catalog, new CatalogPickerSource(catalog, access::readableEntities));
        context.lifecycle().onStarted(runner::start);
        context.lifecycle().onShutdown(runner::stop);
        io.kerberus.scaffolder.plugin.tasks.TaskCleanup.schedule(context, store, config.taskRetention(), context.clock());
    }
}
