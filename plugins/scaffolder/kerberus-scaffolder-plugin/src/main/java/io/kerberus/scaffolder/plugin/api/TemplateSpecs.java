package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.scaffolder.plugin.form.TemplateForm;
import io.kerberus.scaffolder.plugin.tasks.InputValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** Template entities from the catalog turned into task specs and parameter schemas, as Backstage does. */
final class TemplateSpecs {

    static final JsonMapper JSON = JsonMapper.shared();
    static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";

    private final Supplier<CatalogClient> catalog;
    private final InputValidator validator;

    TemplateSpecs(Supplier<CatalogClient> catalog, InputValidator validator) {
        this.catalog = catalog;
        this.validator = validator;
    }

    /** The Template entity {@code ref} names ({@code template:default/x}, or {@code x}). */
    Entity template(String ref) {
        EntityRef parsed;
        try {
            parsed = EntityRef.parse(ref, "template", EntityRef.DEFAULT_NAMESPACE);
        } catch (IllegalArgumentException e) {
            throw new InputException("templateRef: '" + ref + "' is not an entity ref such as template:default/my-template");
        }
        if (!parsed.kind().equalsIgnoreCase("template")) {
            throw new InputException("templateRef: '" + ref + "' is a " + parsed.kind() + ", not a Template");
        }
        return catalog.get().entity(parsed).orElseThrow(() -> new NotFoundException("No template " + parsed + " in the catalog"));
    }

    /** Backstage's parameter schema: title, description and one step per parameters page. */
    static Map<String, Object> parameterSchema(Entity template) {
        ObjectNode entity = JSON.valueToTree(template.data());
        List<Object> steps = new ArrayList<>();
        for (JsonNode page : pages(entity.path("spec").path("parameters"))) {
            ObjectNode step = JSON.createObjectNode().put("title", page.path("title").asString("Please enter the following information"));
            if (page.has("description")) {
                step.set("description", page.get("description"));
            }
            step.set("schema", page);
            steps.add(step);
        }
        Map<String, Object> schema = new java.util.LinkedHashMap<>();
        schema.put("title", template.title().orElse(template.name()));
        template.description().ifPresent(d -> schema.put("description", d));
        JsonNode presentation = entity.path("spec").path("presentation");
        if (!presentation.isMissingNode()) {
            schema.put("presentation", presentation);
        }
        schema.put("steps", steps);
        return schema;
    }

    /** The task spec of a run of {@code template} with {@code values}, checked against its parameters. */
    ObjectNode taskSpec(Entity template, JsonNode values, String userRef) {
        ObjectNode entity = JSON.valueToTree(template.data());
        checkValues(entity, values);
        ObjectNode spec = spec(entity, values, userRef);
        ObjectNode info = spec.putObject("templateInfo").put("entityRef", template.ref().toString());
        String location = template.annotations().getOrDefault(MANAGED_BY_LOCATION, "");
        info.put("baseUrl", baseUrl(location));
        info.putObject("entity").set("metadata", entity.path("metadata"));
        return spec;
    }

    /** A spec from a template given as JSON (dry run). */
    ObjectNode dryRunSpec(JsonNode template, JsonNode values, String userRef) {
        if (!template.isObject() || !template.path("spec").path("steps").isArray() && !template.path("spec").path("steps").isMissingNode()) {
            throw new InputException("template: must be a Template entity with spec.steps a list");
        }
        return spec((ObjectNode) template, values, userRef);
    }

    private static ObjectNode spec(ObjectNode entity, JsonNode values, String userRef) {
        String apiVersion = entity.path("apiVersion").asString("");
        if (!apiVersion.equals("scaffolder.backstage.io/v1beta3")) {
            throw new InputException("template: apiVersion '" + apiVersion + "' is not supported; use scaffolder.backstage.io/v1beta3");
        }
        ObjectNode spec = JSON.createObjectNode().put("apiVersion", apiVersion);
        JsonNode steps = entity.path("spec").path("steps");
        spec.set("steps", steps.isArray() ? steps : JSON.createArrayNode());
        spec.set("output", entity.path("spec").path("output").isObject() ? entity.path("spec").path("output") : JSON.createObjectNode());
        spec.set("parameters", values == null || values.isNull() || values.isMissingNode() ? JSON.createObjectNode() : values);
        if (userRef != null) {
            spec.putObject("user").put("ref", userRef);
        }
        return spec;
    }

    /**
     * Checks the values against each parameters page that applies to them (its {@code when:} holds, as
     * the form decides), naming the field ({@code values.name: ...}).
     */
    private void checkValues(ObjectNode entity, JsonNode values) {
        if (values != null && !values.isObject()) {
            throw new InputException("values: must be an object of the template's parameters");
        }
        ObjectNode given = values == null ? JSON.createObjectNode() : (ObjectNode) values;
        List<String> problems = new ArrayList<>();
        for (JsonNode page : TemplateForm.of(entity.path("spec").path("parameters")).applyingPages(given)) {
            problems.addAll(validator.problems(stripUi(page), given, "values"));
        }
        if (!problems.isEmpty()) {
            throw new InputException(String.join("; ", problems));
        }
    }

    private static List<JsonNode> pages(JsonNode parameters) {
        if (parameters.isArray()) {
            return new ArrayList<>(parameters.values());
        }
        return parameters.isObject() ? List.of(parameters) : List.of();
    }

    /** The page without {@code ui:*} keys, which are not JSON Schema. */
    private static JsonNode stripUi(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(f -> {
                if (!f.getKey().startsWith("ui:")) {
                    copy.set(f.getKey(), stripUi(f.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            node.values().forEach(item -> copy.add(stripUi(item)));
            return copy;
        }
        return node;
    }

    /** {@code url:https://...} or {@code file:/path} as a URL the template's relative paths resolve against. */
    static String baseUrl(String location) {
        if (location.startsWith("url:")) {
            return location.substring(4);
        }
        if (location.toLowerCase(Locale.ROOT).startsWith("file:")) {
            return java.nio.file.Path.of(location.substring(5)).toUri().toString();
        }
        return location;
    }
}
