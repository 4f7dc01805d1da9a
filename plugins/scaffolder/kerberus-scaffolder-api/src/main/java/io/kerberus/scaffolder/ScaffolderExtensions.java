package io.kerberus.scaffolder;

import io.kerberus.plugin.ExtensionPoint;

/** The scaffolder's extension points, for modules ({@code PluginModule} with plugin id {@code scaffolder}). */
public final class ScaffolderExtensions {

    private ScaffolderExtensions() {
    }

    /** Adds actions; an id the scaffolder or another module already has fails start-up. */
    public interface Actions {
        void add(Action action);
    }

    public static final ExtensionPoint<Actions> ACTIONS = ExtensionPoint.of("scaffolder.actions", Actions.class);
}
