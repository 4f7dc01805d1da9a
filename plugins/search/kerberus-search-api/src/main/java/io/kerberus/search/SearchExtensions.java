package io.kerberus.search;

import io.kerberus.plugin.ExtensionPoint;

/** The search plugin's extension points, for modules ({@code PluginModule} with plugin id {@code search}). */
public final class SearchExtensions {

    private SearchExtensions() {
    }

    /** Adds collators. */
    public interface Collators {
        void add(Collator collator);
    }

    public static final ExtensionPoint<Collators> COLLATORS = ExtensionPoint.of("search.collators", Collators.class);
}
