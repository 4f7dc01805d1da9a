package io.kerberus.scaffolder.plugin.template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Backstage's {@code parseEntityRef} from {@code @backstage/catalog-model}, which the scaffolder
 * filter of the same name calls: {@code [kind:][namespace/]name} or {@code {kind, namespace, name}}
 * to {@code {kind, namespace, name}}, case kept as written (unlike the catalog's lower-casing
 * {@code EntityRef}), with {@code defaultKind} and {@code defaultNamespace} (else
 * {@code default}) filling what the ref leaves out.
 */
final class EntityRefParts {

    private EntityRefParts() {
    }

    static Map<String, Object> parse(Object ref, String defaultKind, String defaultNamespace) {
        if (ref == null || "".equals(ref)) {
            throw new TemplateException("Entity reference must not be empty");
        }
        String namespaceFallback = defaultNamespace == null || defaultNamespace.isEmpty() ? "default" : defaultNamespace;
        String kind;
        String namespace;
        String name;
        if (ref instanceof Map<?, ?> compound) {
            kind = stringOr(compound.get("kind"), defaultKind);
            namespace = stringOr(compound.get("namespace"), namespaceFallback);
            name = stringOr(compound.get("name"), null);
        } else {
            String text = ref.toString();
            int colon = text.indexOf(':');
            int slash = text.indexOf('/');
            if (slash != -1 && slash < colon) {
                colon = -1;
            }
            String parsedKind = colon == -1 ? null : text.substring(0, colon);
            String parsedNamespace = slash == -1 ? null : text.substring(colon + 1, slash);
            name = text.substring(Math.max(colon + 1, slash + 1));
            if ("".equals(parsedKind) || "".equals(parsedNamespace) || name.isEmpty()) {
                throw new TemplateException("Entity reference \"" + text + "\" was not on the form [<kind>:][<namespace>/]<name>");
            }
            kind = parsedKind == null ? defaultKind : parsedKind;
            namespace = parsedNamespace == null ? namespaceFallback : parsedNamespace;
        }
        return checked(ref, kind, namespace, name);
    }

    private static Map<String, Object> checked(Object ref, String kind, String namespace, String name) {
        String textual = JsonDump.dump(ref, 0);
        if (kind == null || kind.isEmpty()) {
            throw new TemplateException("Entity reference " + textual
                    + " had missing or empty kind (e.g. did not start with \"component:\" or similar)");
        }
        if (namespace == null || namespace.isEmpty()) {
            throw new TemplateException("Entity reference " + textual + " had missing or empty namespace");
        }
        if (name == null || name.isEmpty()) {
            throw new TemplateException("Entity reference " + textual + " had missing or empty name");
        }
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("kind", kind);
        parts.put("namespace", namespace);
        parts.put("name", name);
        return parts;
    }

    private static String stringOr(Object value, String fallback) {
        return value == null ? fallback : value.toString();
    }
}
