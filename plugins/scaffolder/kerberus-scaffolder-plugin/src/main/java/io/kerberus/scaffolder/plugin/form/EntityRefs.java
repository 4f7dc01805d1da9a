package io.kerberus.scaffolder.plugin.form;

import java.util.Locale;
import java.util.Optional;

/** Entity refs as Backstage's pickers read and show them ({@code parseEntityRef} with defaults, {@code humanizeEntityRef}). */
final class EntityRefs {

    private EntityRefs() {
    }

    /**
     * The full ref {@code kind:namespace/name} (kind and namespace lower-cased, as {@code stringifyEntityRef}
     * writes them) of what someone typed, filling in the defaults; empty when a part is missing.
     */
    static Optional<String> normalize(String text, String defaultKind, String defaultNamespace) {
        String rest = text.strip();
        String kind = defaultKind;
        String namespace = defaultNamespace == null || defaultNamespace.isBlank() ? "default" : defaultNamespace;
        int colon = rest.indexOf(':');
        if (colon >= 0) {
            kind = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
        }
        int slash = rest.indexOf('/');
        if (slash >= 0) {
            namespace = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        if (kind == null || kind.isBlank() || namespace.isBlank() || rest.isBlank() || rest.contains(":") || rest.contains("/")) {
            return Optional.empty();
        }
        return Optional.of(kind.toLowerCase(Locale.ROOT) + ":" + namespace.toLowerCase(Locale.ROOT) + "/" + rest);
    }

    /** The kind of a full ref. */
    static String kind(String fullRef) {
        int colon = fullRef.indexOf(':');
        return colon < 0 ? "" : fullRef.substring(0, colon);
    }

    /** The ref without its default namespace: {@code group:team-a}. */
    static String humanize(String fullRef) {
        return fullRef.replace(":default/", ":");
    }
}
