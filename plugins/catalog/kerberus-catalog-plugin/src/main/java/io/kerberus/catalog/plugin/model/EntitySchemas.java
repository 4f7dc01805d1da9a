package io.kerberus.catalog.plugin.model;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.kerberus.catalog.KindSchema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Backstage's JSON schemas for the built-in kinds (and kinds plugins add), compiled once. A kind may
 * have several schemas told apart by {@code spec.type} (an API of type {@code mcp-server}); the one
 * whose type matches wins, else the general one.
 */
public final class EntitySchemas {

    private static final JsonMapper JSON = JsonMapper.shared();
    /** Backstage's schemas use relative ids ("Entity", "common#relation"); the validator needs absolute ones. */
    private static final String BASE = "https://schemas.kerberus.dev/catalog/";
    private static final List<String> SHARED = List.of("Entity", "EntityEnvelope", "EntityMeta", "common");
    private static final List<String> BUILT_IN = List.of("API.v1alpha1", "API.v1alpha1.mcp-server", "AiResource.v1alpha1",
            "AiResource.v1alpha1.marketplace", "AiResource.v1alpha1.plugin", "AiResource.v1alpha1.rule", "AiResource.v1alpha1.skill",
            "Component.v1alpha1", "Domain.v1alpha1", "Group.v1alpha1", "Location.v1alpha1", "Resource.v1alpha1", "System.v1alpha1",
            "Template.v1beta3", "User.v1alpha1");

    private final Map<String, List<KindEntry>> byKind = new HashMap<>();
    private final Schema entity;

    /** A compiled kind schema with what it accepts. */
    private record KindEntry(List<String> apiVersions, String specType, Schema schema) {
    }

    public EntitySchemas(List<KindSchema> extraKinds) {
        Map<String, String> sources = new LinkedHashMap<>();
        for (String name : SHARED) {
            JsonNode schema = absolute(JSON.readTree(resource(name + ".schema.json")));
            sources.put(schema.path("$id").asString(), JSON.writeValueAsString(schema));
        }
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder.schemas(sources));
        entity = registry.getSchema(SchemaLocation.of(BASE + "Entity"));
        List<String> texts = new ArrayList<>();
        BUILT_IN.forEach(name -> texts.add(resource(name + ".schema.json")));
        extraKinds.forEach(kind -> texts.add(kind.schemaJson()));
        for (String text : texts) {
            add(registry, absolute(JSON.readTree(text)));
        }
    }

    private void add(SchemaRegistry registry, JsonNode node) {
        JsonNode kindSchema = null;
        for (JsonNode part : node.path("allOf")) {
            if (part.path("properties").has("kind")) {
                kindSchema = part;
            }
        }
        if (kindSchema == null) {
            throw new IllegalArgumentException("Schema " + node.path("$id").asString() + " has no allOf part with properties.kind");
        }
        JsonNode properties = kindSchema.path("properties");
        List<String> apiVersions = strings(properties.path("apiVersion"));
        JsonNode type = properties.path("spec").path("properties").path("type");
        String specType = type.has("const") ? type.path("const").asString()
                : type.path("enum").size() == 1 ? type.path("enum").get(0).asString() : null;
        Schema schema = registry.getSchema(node);
        for (String kind : strings(properties.path("kind"))) {
            byKind.computeIfAbsent(kind.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(new KindEntry(apiVersions, specType, schema));
        }
    }

    /** Whether the catalog knows the kind. */
    public boolean knows(String kind) {
        return byKind.containsKey(kind.toLowerCase(Locale.ROOT));
    }

    /** The apiVersions a kind accepts. */
    public List<String> apiVersions(String kind) {
        return byKind.getOrDefault(kind.toLowerCase(Locale.ROOT), List.of()).stream().flatMap(e -> e.apiVersions().stream()).distinct().toList();
    }

    /** Problems against the common entity schema, as {@code field: message}. */
    public List<FieldRules.Violation> checkEntity(JsonNode json) {
        return violations(entity.validate(json));
    }

    /**
     * Problems against the kind's schema; empty when valid.
     *
     * @return empty when the kind is unknown (check {@link #knows} first)
     */
    public List<FieldRules.Violation> checkKind(String kind, String specType, JsonNode json) {
        List<KindEntry> entries = byKind.getOrDefault(kind.toLowerCase(Locale.ROOT), List.of());
        Optional<KindEntry> entry = entries.stream().filter(e -> e.specType() != null && e.specType().equals(specType)).findFirst()
                .or(() -> entries.stream().filter(e -> e.specType() == null).findFirst())
                .or(() -> entries.stream().findFirst());
        return entry.map(e -> violations(e.schema().validate(json))).orElse(List.of());
    }

    private static List<FieldRules.Violation> violations(List<Error> errors) {
        List<FieldRules.Violation> out = new ArrayList<>();
        for (Error error : errors) {
            String field = field(error);
            String message = error.getMessage();
            // networknt prefixes the instance location ("/spec/definition: ..."); the field says it better
            int colon = message.indexOf(": ");
            String text = colon >= 0 && (message.startsWith("/") || message.startsWith("$")) ? message.substring(colon + 2) : message;
            out.add(new FieldRules.Violation(field, "\"" + field + "\" " + text));
        }
        return out;
    }

    private static String field(Error error) {
        StringBuilder dotted = new StringBuilder();
        for (String part : error.getInstanceLocation().toString().split("/")) {
            if (part.isEmpty() || part.equals("$")) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            if (name.chars().allMatch(Character::isDigit)) {
                dotted.append('[').append(name).append(']');
            } else {
                dotted.append(dotted.isEmpty() ? "" : ".").append(name);
            }
        }
        String path = dotted.toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            path = path.isEmpty() ? error.getProperty() : path + "." + error.getProperty();
        }
        return path.isEmpty() ? "<root>" : path;
    }

    private static JsonNode absolute(JsonNode schema) {
        String id = schema.path("$id").asString();
        if (!id.isEmpty() && !id.contains("://")) {
            ((tools.jackson.databind.node.ObjectNode) schema).put("$id", BASE + id);
        }
        return schema;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.has("enum")) {
            node.path("enum").forEach(value -> values.add(value.asString()));
        } else if (node.has("const")) {
            values.add(node.path("const").asString());
        }
        return values;
    }

    private static String resource(String name) {
        try (InputStream in = EntitySchemas.class.getResourceAsStream("/catalog/schema/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource /catalog/schema/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
