package io.kerberus.scaffolder.plugin.tasks;

import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ScaffolderExtensions;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** The actions templates can name, by id: the built-in ones and those modules add. */
public final class ActionRegistry implements ScaffolderExtensions.Actions {

    private final Map<String, Action> actions = new TreeMap<>();

    @Override
    public synchronized void add(Action action) {
        Objects.requireNonNull(action, "action");
        String id = Objects.requireNonNull(action.id(), "action id");
        Action existing = actions.putIfAbsent(id, action);
        if (existing != null) {
            throw new IllegalStateException("Scaffolder action '" + id + "' is added twice (" + existing.getClass().getName()
                    + " and " + action.getClass().getName() + "); remove one of them or give it another id");
        }
    }

    public synchronized Optional<Action> find(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    /** Every action, sorted by id. */
    public synchronized Collection<Action> all() {
        return java.util.List.copyOf(actions.values());
    }
}
