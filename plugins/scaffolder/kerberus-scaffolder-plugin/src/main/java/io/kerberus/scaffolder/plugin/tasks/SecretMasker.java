package io.kerberus.scaffolder.plugin.tasks;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Replaces every secret value with {@code ***} in text and in JSON, as Backstage does in task logs.
 * Longer secrets are replaced first, so that a secret containing another is masked whole.
 */
public final class SecretMasker {

    static final String MASK = "***";
    private static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> secrets;

    private SecretMasker(List<String> secrets) {
        this.secrets = secrets;
    }

    /** A masker for the values of {@code secrets} (empty values are ignored: they would mask everything). */
    public static SecretMasker of(Map<String, String> secrets) {
        return of(secrets.values());
    }

    static SecretMasker of(Collection<String> values) {
        List<String> sorted = values.stream().filter(v -> v != null && !v.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
        return sorted.isEmpty() ? NONE : new SecretMasker(sorted);
    }

    /** {@code text} with every secret replaced. */
    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** A copy of {@code value} with every secret in its strings and keys replaced. */
    public JsonNode mask(JsonNode value) {
        if (secrets.isEmpty() || value == null) {
            return value;
        }
        if (value.isString()) {
            return JsonNodeFactory.instance.stringNode(mask(value.stringValue()));
        }
        if (value.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            value.properties().forEach(field -> copy.set(mask(field.getKey()), mask(field.getValue())));
            return copy;
        }
        if (value.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            value.values().forEach(item -> copy.add(mask(item)));
            return copy;
        }
        return value;
    }
}
