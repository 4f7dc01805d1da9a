package io.kerberus.scaffolder.plugin.api;

import io.kerberus.plugin.ModuleContext;
import io.kerberus.plugin.PluginModule;
import io.kerberus.scaffolder.ScaffolderExtensions;
import io.kerberus.scaffolder.plugin.tasks.TestActions;

/** Adds the test actions to the scaffolder through its extension point, as a real module would. */
public final class TestActionsModule implements PluginModule {

    @Override
    public String pluginId() {
        return "scaffolder";
    }

    @Override
    public String moduleId() {
        return "test-actions";
    }

    @Override
    public void init(ModuleContext context) {
        TestActions.all().forEach(context.extensionPoint(ScaffolderExtensions.ACTIONS)::add);
    }
}
