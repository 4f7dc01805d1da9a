package io.kerberus.scaffolder.plugin.form;

import io.kerberus.plugin.ui.Html;
import io.kerberus.scaffolder.plugin.template.ScmIntegrationTypes;
import io.kerberus.scaffolder.plugin.template.TemplateContext;
import io.kerberus.scaffolder.plugin.template.TemplateRenderer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The form of a Backstage v1beta3 Template's {@code spec.parameters}, rendered on the server: one step
 * per parameters page, with Backstage's field extensions (entity, owner, repository, name, tags and
 * secret pickers) and react-jsonschema-form's widgets, dependencies and defaults.
 *
 * <p>Controls are named {@code v.<path>} ({@code v.name}, {@code v.app.port}); lists of choices post
 * one parameter per chosen value, free lists one item per line, tags one comma- or space-separated
 * text, and the repository picker one parameter per part ({@code v.repoUrl:host}, {@code :owner},
 * {@code :repo} ...). {@link #read} inverts {@link #fields}.
 */
public final class TemplateForm {

    /** Backstage's title for a page without one. */
    public static final String DEFAULT_TITLE = "Please enter the following information";

    private static final TemplateRenderer CONDITIONS = TemplateRenderer.create(ScmIntegrationTypes.publicHosts());

    private final List<JsonNode> pages;

    private TemplateForm(List<JsonNode> pages) {
        this.pages = pages;
    }

    /** The form of {@code spec.parameters}: one object schema or a list of them; anything else has no steps. */
    public static TemplateForm of(JsonNode parameters) {
        List<JsonNode> pages = new ArrayList<>();
        if (parameters != null && parameters.isArray()) {
            parameters.values().stream().filter(JsonNode::isObject).forEach(pages::add);
        } else if (parameters != null && parameters.isObject()) {
            pages.add(parameters);
        }
        return new TemplateForm(List.copyOf(pages));
    }

    /** How many steps (parameters pages) the form has. */
    public int stepCount() {
        return pages.size();
    }

    /** The step's title, or Backstage's default. */
    public String stepTitle(int step) {
        String title = page(step).path("title").asString("");
        return title.isBlank() ? DEFAULT_TITLE : title;
    }

    /** The step's description, if it has one. */
    public Optional<String> stepDescription(int step) {
        String description = page(step).path("description").asString("");
        return description.isBlank() ? Optional.empty() : Optional.of(description);
    }

    /**
     * Whether the step is shown for these answers: its {@code when:} condition
     * ({@code ${{ parameters.cloudProvider === 'AWS' }}}) holds, or it has none. A condition that
     * does not evaluate shows the step, so that nothing asked for is skipped silently.
     */
    public boolean applies(int step, ObjectNode values) {
        JsonNode when = page(step).path("when");
        if (when.isMissingNode()) {
            return true;
        }
        try {
            return CONDITIONS.conditionHolds(when, TemplateContext.empty().withParameters(values), "parameters[" + step + "].when");
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** A copy of {@code values} with the schema defaults of every step for the fields not answered yet. */
    public ObjectNode withDefaults(ObjectNode values) {
        ObjectNode copy = copy(values);
        pages.forEach(page -> FormDefaults.apply(page, copy));
        return copy;
    }

    /**
     * Reads the step's fields from posted form parameters into a copy of values; other steps' values
     * are kept. A changed value that switches a dependency branch drops the answers of the branch no
     * longer shown; call {@link #withDefaults} after it to fill in the new branch's defaults.
     */
    public ObjectNode read(int step, Map<String, List<String>> params, ObjectNode values) {
        JsonNode page = page(step);
        ObjectNode copy = copy(values);
        FormReader reader = new FormReader(params);
        reader.read(FormSchema.fields(page, copy, ""), copy);
        // the posted controlling value may select another branch: read again with the fields it shows
        List<FormField> fields = FormSchema.fields(page, copy, "");
        reader.read(fields, copy);
        Set<String> shown = new LinkedHashSet<>();
        fields.forEach(f -> shown.add(f.name()));
        FormSchema.allNames(page).stream().filter(name -> !shown.contains(name)).forEach(copy::remove);
        return copy;
    }

    /** Problems of one step by field path ({@code name}, {@code app.port}, {@code tags[1]}), in field order; empty when valid. */
    public LinkedHashMap<String, String> problems(int step, ObjectNode values) {
        return problems(step, values, null);
    }

    /**
     * Like {@link #problems(int, ObjectNode)}, and also checks that entity pickers which do not allow
     * arbitrary values hold one of the entities {@code pickers} offers.
     */
    public LinkedHashMap<String, String> problems(int step, ObjectNode values, PickerSource pickers) {
        ObjectNode safe = values == null ? JsonNodeFactory.instance.objectNode() : values;
        return FormValidator.problems(FormSchema.fields(page(step), safe, ""), safe, pickers);
    }

    /** The step's controls (no {@code <form>}, no buttons) with values filled in and problems under their fields. */
    public Html fields(int step, ObjectNode values, Map<String, String> problems, PickerSource pickers) {
        ObjectNode safe = values == null ? JsonNodeFactory.instance.objectNode() : values;
        return new FieldRenderer(problems == null ? Map.of() : problems, pickers).render(FormSchema.fields(page(step), safe, ""), safe);
    }

    /** Review of the steps that apply: a heading and the answered fields of each; secrets shown as "••••••". */
    public Html review(ObjectNode values) {
        List<Html> steps = new ArrayList<>();
        for (int step = 0; step < pages.size(); step++) {
            if (applies(step, values)) {
                steps.add(FormReview.step(stepTitle(step), FormSchema.fields(pages.get(step), values, ""), values));
            }
        }
        return Html.join(steps);
    }

    /**
     * The parameters pages (JSON Schemas) that apply to these answers ({@link #applies}), in order: the
     * ones a task's values are checked against, so a required field of a page skipped by its
     * {@code when:} is not required.
     */
    public List<JsonNode> applyingPages(ObjectNode values) {
        ObjectNode safe = values == null ? JsonNodeFactory.instance.objectNode() : values;
        List<JsonNode> out = new ArrayList<>();
        for (int step = 0; step < pages.size(); step++) {
            if (applies(step, safe)) {
                out.add(pages.get(step));
            }
        }
        return out;
    }

    /**
     * Splits values for starting a task: {@code ui:field: Secret} values move to the secrets (by property
     * name, as Backstage passes them) and, as Backstage's SecretWidget does, the values keep a mask of
     * the same length ({@code ****}) so that the parameters still satisfy {@code required}; the answers
     * that only steps not applying asked for are left out.
     */
    public Split split(ObjectNode values) {
        ObjectNode copy = copy(values);
        Map<String, String> secrets = new LinkedHashMap<>();
        Set<String> asked = new LinkedHashSet<>();
        Set<String> skipped = new LinkedHashSet<>();
        for (int step = 0; step < pages.size(); step++) {
            (applies(step, values) ? asked : skipped).addAll(FormSchema.allNames(pages.get(step)));
            for (FormField field : FormSchema.flatten(FormSchema.fields(pages.get(step), values, ""))) {
                JsonNode value = FormValidator.value(copy, field.path());
                if (field.kind() == FieldKind.SECRET && FormSchema.answered(value)) {
                    String secret = Options.text(value);
                    secrets.put(field.name(), secret);
                    mask(copy, field.path(), "*".repeat(secret.length()));
                }
            }
        }
        skipped.stream().filter(name -> !asked.contains(name)).forEach(copy::remove);
        return new Split(copy, secrets);
    }

    /**
     * Values to start a task with.
     *
     * @param values  the parameters without secrets
     * @param secrets the secret values by field name
     */
    public record Split(ObjectNode values, Map<String, String> secrets) {
    }

    private JsonNode page(int step) {
        if (step < 0 || step >= pages.size()) {
            throw new IndexOutOfBoundsException("Step " + step + " of a form with " + pages.size() + " steps");
        }
        return pages.get(step);
    }

    private static ObjectNode copy(ObjectNode values) {
        return values == null ? JsonNodeFactory.instance.objectNode() : values.deepCopy();
    }

    private static void mask(ObjectNode values, String path, String mask) {
        int dot = path.lastIndexOf('.');
        JsonNode parent = dot < 0 ? values : FormValidator.value(values, path.substring(0, dot));
        if (parent instanceof ObjectNode object) {
            object.put(path.substring(dot + 1), mask);
        }
    }
}
