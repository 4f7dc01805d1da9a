package io.kerberus.catalog.plugin.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Backstage's field format rules (its FieldFormatEntityPolicy) with its wording:
 * {@code "metadata.name" is not valid; expected a string that is sequences of [a-zA-Z0-9] separated by
 * any of [-_.], at most 63 characters in total but found "Invalid Name"}.
 */
public final class FieldRules {

    static final String DOCS = "To learn more about catalog file format, visit: "
            + "https://github.com/backstage/backstage/blob/master/docs/architecture-decisions/adr002-default-catalog-file-format.md";

    private static final Pattern OBJECT_NAME = Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]+(?:-+[a-z0-9]+)*$");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("^[a-z0-9]+(?:-+[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-+[a-z0-9]+)*)*$");
    private static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(?:-[a-z0-9:+#]+)*$");
    private static final Pattern API_VERSION = Pattern.compile("^([a-z0-9]+(?:-+[a-z0-9]+)*(?:\\.[a-z0-9]+(?:-+[a-z0-9]+)*)*/)?[a-z0-9]+(?:-+[a-z0-9]+)*$");
    private static final Pattern KIND = Pattern.compile("^[a-zA-Z][a-z0-9A-Z]*$");

    static final String NAME_RULE = "a string that is sequences of [a-zA-Z0-9] separated by any of [-_.], at most 63 characters in total";
    static final String NAMESPACE_RULE = "a string that is sequences of [a-z0-9] separated by [-], at most 63 characters in total";
    static final String TAG_RULE = "a string that is sequences of [a-z0-9+#] separated by [-], at most 63 characters in total";
    static final String KEY_RULE = "a valid prefix and/or suffix";
    static final String KIND_RULE = "a string that is a sequence of [a-zA-Z][a-z0-9A-Z], at most 63 characters in total";
    static final String API_VERSION_RULE = "a valid apiVersion such as backstage.io/v1alpha1, an optional DNS subdomain and / followed by a [a-z0-9-] version";

    private FieldRules() {
    }

    /** One broken rule. */
    public record Violation(String field, String message) {
    }

    /** Every broken rule of an entity's envelope and metadata. */
    public static List<Violation> check(Map<String, Object> entity) {
        List<Violation> violations = new ArrayList<>();
        check(violations, "apiVersion", entity.get("apiVersion"), API_VERSION_RULE, FieldRules::isApiVersion);
        check(violations, "kind", entity.get("kind"), KIND_RULE, value -> value.length() <= 63 && KIND.matcher(value).matches());
        if (!(entity.get("metadata") instanceof Map<?, ?> metadata)) {
            return violations;
        }
        check(violations, "metadata.name", metadata.get("name"), NAME_RULE, FieldRules::isObjectName);
        if (metadata.containsKey("namespace")) {
            check(violations, "metadata.namespace", metadata.get("namespace"), NAMESPACE_RULE, value -> value.length() <= 63 && DNS_LABEL.matcher(value).matches());
        }
        checkMap(violations, "metadata.labels", metadata.get("labels"), true);
        checkMap(violations, "metadata.annotations", metadata.get("annotations"), false);
        if (metadata.get("tags") instanceof List<?> tags) {
            for (int i = 0; i < tags.size(); i++) {
                check(violations, "metadata.tags[" + i + "]", tags.get(i), TAG_RULE, value -> value.length() <= 63 && TAG.matcher(value).matches());
            }
        }
        return violations;
    }

    /** Whether a string is a valid entity name. */
    public static boolean isObjectName(String value) {
        return value.length() <= 63 && OBJECT_NAME.matcher(value).matches();
    }

    private static boolean isApiVersion(String value) {
        return value.length() <= 253 && API_VERSION.matcher(value).matches();
    }

    /** Label and annotation keys: {@code [prefix/]name}, the prefix a DNS subdomain. */
    private static boolean isKey(String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return isObjectName(key);
        }
        String prefix = key.substring(0, slash);
        String name = key.substring(slash + 1);
        return prefix.length() <= 253 && DNS_SUBDOMAIN.matcher(prefix).matches() && isObjectName(name);
    }

    private static void checkMap(List<Violation> violations, String field, Object value, boolean labels) {
        if (!(value instanceof Map<?, ?> map)) {
            return;
        }
        map.forEach((key, item) -> {
            String keyText = String.valueOf(key);
            if (!isKey(keyText)) {
                violations.add(violation(field, keyText, KEY_RULE));
            }
            if (labels && item instanceof String text && !text.isEmpty() && !isObjectName(text)) {
                violations.add(violation(field + "." + keyText, text, NAME_RULE));
            }
        });
    }

    private interface Rule {
        boolean test(String value);
    }

    private static void check(List<Violation> violations, String field, Object value, String expectation, Rule rule) {
        if (value instanceof String text && !rule.test(text)) {
            violations.add(violation(field, text, expectation));
        }
    }

    private static Violation violation(String field, String value, String expectation) {
        return new Violation(field, "\"" + field + "\" is not valid; expected " + expectation + " but found \"" + value + "\". " + DOCS);
    }
}
