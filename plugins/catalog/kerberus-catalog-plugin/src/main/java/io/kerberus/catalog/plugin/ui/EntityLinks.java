package io.kerberus.catalog.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.ui.Html;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** How the catalog pages name and link entities: paths, short refs as Backstage writes them, display names. */
final class EntityLinks {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private EntityLinks() {
    }

    /** The entity as the API serves it. */
    static Entity parse(String json) {
        return Entity.of(JSON.readValue(json, MAP));
    }

    /** {@code /catalog/<namespace>/<kind>/<name>}, kind and namespace lower-case as in Backstage's routes. */
    static String path(EntityRef ref) {
        return "/catalog/" + encode(ref.namespace()) + "/" + encode(ref.kind()) + "/" + encode(ref.name());
    }

    static String path(Entity entity) {
        return path(entity.ref());
    }

    /** The ref parsed, or empty when it is malformed (a relation to an entity that cannot exist). */
    static Optional<EntityRef> ref(String text, String defaultKind) {
        try {
            return Optional.of(EntityRef.parse(text, defaultKind, EntityRef.DEFAULT_NAMESPACE));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** A ref as Backstage shows it: without the default namespace, and without the kind when it is {@code impliedKind}. */
    static String shortRef(EntityRef ref, String impliedKind) {
        String namespace = ref.namespace().equals(EntityRef.DEFAULT_NAMESPACE) ? "" : ref.namespace() + "/";
        String kind = impliedKind != null && ref.kind().equalsIgnoreCase(impliedKind) ? "" : ref.kind() + ":";
        return kind + namespace + ref.name();
    }

    /** A link to the entity named by a ref, labelled with its short form. */
    static Html link(String refText, String impliedKind) {
        return ref(refText, impliedKind)
                .map(ref -> Html.format("<a href=\"{}\">{}</a>", path(ref), shortRef(ref, impliedKind)))
                .orElse(Html.text(refText));
    }

    /** A link to an entity, labelled with its display name. */
    static Html link(Entity entity) {
        return Html.format("<a href=\"{}\">{}</a>", path(entity), displayName(entity));
    }

    /** {@code spec.profile.displayName} of users and groups, else {@code metadata.title}, else the name. */
    static String displayName(Entity entity) {
        return entity.specString("profile.displayName").filter(s -> !s.isBlank())
                .or(() -> entity.title().filter(s -> !s.isBlank()))
                .orElse(entity.name());
    }

    /** The kind as a label: {@code API}, {@code Component}. */
    static String kindLabel(String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "api" -> "API";
            case "" -> "";
            default -> Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
        };
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
