package io.kerberus.catalog.plugin.query;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears of the changes to an {@link EntityIndex} (the search indexer, through the catalog client).
 * Each hears every change in turn, by ref key; one that fails is logged and the others still hear.
 */
final class ChangeListeners {

    private static final Logger LOG = LoggerFactory.getLogger(EntityIndex.class);

    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    void add(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** Tells every listener that the entity {@code ref} was added, changed or removed. */
    void changed(String ref) {
        for (Consumer<String> listener : listeners) {
            try {
                listener.accept(ref);
            } catch (RuntimeException e) {
                LOG.warn("A catalog change listener failed for {}", ref, e);
            }
        }
    }
}
