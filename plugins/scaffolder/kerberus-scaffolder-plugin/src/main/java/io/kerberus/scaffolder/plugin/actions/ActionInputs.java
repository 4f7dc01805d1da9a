package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed reads of a step's rendered input, with errors that name the action and the field. */
final class ActionInputs {

    private final String actionId;
    private final Map<String, Object> input;

    ActionInputs(String actionId, Map<String, Object> input) {
        this.actionId = actionId;
        this.input = input == null ? Map.of() : input;
    }

    Map<String, Object> all() {
        return input;
    }

    boolean has(String name) {
        return input.get(name) != null;
    }

    Optional<String> string(String name) {
        Object value = input.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw invalid(name, "must be a string");
        }
        return Optional.of(String.valueOf(value));
    }

    String required(String name) {
        return string(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> invalid(name, "is required"));
    }

    boolean bool(String name, boolean fallback) {
        Object value = input.get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw invalid(name, "must be true or false");
    }

    Optional<Double> number(String name) {
        Object value = input.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        try {
            return Optional.of(Double.parseDouble(String.valueOf(value)));
        } catch (NumberFormatException e) {
            throw invalid(name, "must be a number");
        }
    }

    List<?> list(String name) {
        Object value = input.get(name);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw invalid(name, "must be an array");
    }

    @SuppressWarnings("unchecked")
    Optional<Map<String, Object>> object(String name) {
        Object value = input.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Map<?, ?> map) {
            return Optional.of((Map<String, Object>) map);
        }
        throw invalid(name, "must be an object");
    }

    InputException invalid(String name, String problem) {
        return new InputException(actionId + ": input '" + name + "' " + problem);
    }
}
