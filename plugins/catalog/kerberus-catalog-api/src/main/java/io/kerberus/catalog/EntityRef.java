package io.kerberus.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A reference to an entity, {@code [kind:][namespace/]name} as Backstage writes it. Kinds and
 * namespaces compare case-insensitively and are stored lower-case; names keep their case but also
 * compare case-insensitively ({@link #key()}).
 *
 * @param kind      the kind, lower-case ({@code component})
 * @param namespace the namespace, lower-case ({@code default})
 * @param name      the name as written
 */
public record EntityRef(String kind, String namespace, String name) {

    /** The namespace of entities that name none. */
    public static final String DEFAULT_NAMESPACE = "default";

    public EntityRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        kind = kind.toLowerCase(Locale.ROOT);
        namespace = namespace.toLowerCase(Locale.ROOT);
    }

    public static EntityRef of(String kind, String namespace, String name) {
        return new EntityRef(kind, namespace, name);
    }

    /**
     * Parses a full ref, {@code kind:namespace/name}, {@code kind:name} (default namespace).
     *
     * @throws IllegalArgumentException when the kind is missing or the ref is malformed
     */
    public static EntityRef parse(String ref) {
        return parse(ref, null, DEFAULT_NAMESPACE);
    }

    /**
     * Parses a ref with defaults: {@code defaultKind} when the ref has no {@code kind:} (null means
     * the kind is required), {@code defaultNamespace} when it has no {@code namespace/}.
     *
     * @throws IllegalArgumentException naming what is wrong with the ref
     */
    public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
        if (ref == null || ref.isBlank()) {
            throw new IllegalArgumentException("Entity ref must not be empty");
        }
        String rest = ref.strip();
        String kind = defaultKind;
        int colon = rest.indexOf(':');
        int slash = rest.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash)) {
            kind = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
        } else if (colon == 0) {
            throw new IllegalArgumentException("Entity ref '" + ref + "' has an empty kind");
        }
        String namespace = defaultNamespace == null ? DEFAULT_NAMESPACE : defaultNamespace;
        slash = rest.indexOf('/');
        if (slash >= 0) {
            namespace = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("Entity ref '" + ref + "' has no kind; write it as kind:namespace/name");
        }
        if (namespace.isBlank() || rest.isBlank() || rest.contains("/") || rest.contains(":")) {
            throw new IllegalArgumentException("Entity ref '" + ref + "' is not of the form [kind:][namespace/]name");
        }
        return new EntityRef(kind, namespace, rest);
    }

    /** The ref lower-cased, the identity of an entity in the catalog. */
    public String key() {
        return toString().toLowerCase(Locale.ROOT);
    }

    /** {@code kind:namespace/name}. */
    @Override
    public String toString() {
        return kind + ":" + namespace + "/" + name;
    }
}
