package io.kerberus.catalog;

import io.kerberus.plugin.ExtensionPoint;

/** The catalog's extension points, for modules ({@code PluginModule} with plugin id {@code catalog}). */
public final class CatalogExtensions {

    private CatalogExtensions() {
    }

    /** Adds processors. */
    public interface Processors {
        void add(CatalogProcessor processor);
    }

    /** Adds entity providers. */
    public interface Providers {
        void add(EntityProvider provider);
    }

    /** Adds placeholder resolvers. */
    public interface Placeholders {
        /** {@code key} without the dollar: {@code add("secret", ...)} handles {@code $secret}. */
        void add(String key, PlaceholderResolver resolver);
    }

    /** Adds kinds. */
    public interface Kinds {
        void add(KindSchema kind);
    }

    /** Adds URL readers, tried before the catalog's plain http(s) reader. */
    public interface UrlReaders {
        void add(UrlReader reader);
    }

    /** Adds tabs to entity pages. */
    public interface EntityTabs {
        void add(EntityTab tab);
    }

    /** Adds cards to the Overview tab of entity pages. */
    public interface EntityCards {
        void add(EntityCard card);
    }

    public static final ExtensionPoint<Processors> PROCESSORS = ExtensionPoint.of("catalog.processors", Processors.class);
    public static final ExtensionPoint<Providers> PROVIDERS = ExtensionPoint.of("catalog.providers", Providers.class);
    public static final ExtensionPoint<Placeholders> PLACEHOLDERS = ExtensionPoint.of("catalog.placeholders", Placeholders.class);
    public static final ExtensionPoint<Kinds> KINDS = ExtensionPoint.of("catalog.kinds", Kinds.class);
    public static final ExtensionPoint<UrlReaders> URL_READERS = ExtensionPoint.of("catalog.url-readers", UrlReaders.class);
    public static final ExtensionPoint<EntityTabs> ENTITY_TABS = ExtensionPoint.of("catalog.entity-tabs", EntityTabs.class);
    public static final ExtensionPoint<EntityCards> ENTITY_CARDS = ExtensionPoint.of("catalog.entity-cards", EntityCards.class);
}
