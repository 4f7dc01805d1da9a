package io.kerberus.scaffolder.plugin.ui;

import io.kerberus.catalog.Entity;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Breadcrumbs;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.ErrorPanel;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.View;
import io.kerberus.scaffolder.plugin.api.TaskLauncher;
import io.kerberus.scaffolder.plugin.form.PickerSource;
import io.kerberus.scaffolder.plugin.form.TemplateForm;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /create/templates/:namespace/:name}: the template's parameters as a form of steps, a review,
 * then the task. The answers so far travel with the form as JSON in a hidden field, so that any
 * replica can serve the next step and nothing is stored before the user presses Create.
 */
final class TemplateWizard {

    static final JsonMapper JSON = JsonMapper.shared();

    private final TaskLauncher launcher;
    /** The catalog's choices; every form uses {@link PickerSource#forUser} for the signed-in user. */
    private final PickerSource pickers;

    TemplateWizard(TaskLauncher launcher, PickerSource pickers) {
        this.launcher = launcher;
        this.pickers = pickers;
    }

    /** The form's URL for a template. */
    static String path(Entity template) {
        return "/create/templates/" + template.ref().namespace() + "/" + template.name();
    }

    /** The first step, with the template's defaults. */
    View start(Request request) {
        Wizard wizard = wizard(request);
        ObjectNode values = wizard.form().withDefaults(JSON.createObjectNode());
        int first = nextStep(wizard.form(), -1, values);
        return first == wizard.form().stepCount() ? review(request, wizard, values, null, 200) : step(request, wizard, first, values, Map.of(), 200);
    }

    /** Next, back, refresh (a field that changes the form changed) or create. */
    Object post(Request request) {
        Wizard wizard = wizard(request);
        TemplateForm form = wizard.form();
        int step = Math.clamp(intParam(request.formParam("_step").orElse("0")), 0, form.stepCount());
        ObjectNode values = values(request);
        if (step < form.stepCount()) {
            values = form.read(step, request.formParamMap(), values);
        }
        List<String> actions = request.formParams("_action");
        String action = actions.isEmpty() ? "next" : actions.getLast();
        return switch (action) {
            case "back" -> back(request, wizard, step, values);
            case "refresh" -> step < form.stepCount()
                    ? step(request, wizard, step, form.withDefaults(values), Map.of(), 200) : review(request, wizard, values, null, 200);
            case "create" -> create(request, wizard, values);
            default -> next(request, wizard, step, values);
        };
    }

    private View next(Request request, Wizard wizard, int step, ObjectNode values) {
        TemplateForm form = wizard.form();
        if (step >= form.stepCount()) {
            return review(request, wizard, values, null, 200);
        }
        Map<String, String> problems = form.problems(step, values, pickers.forUser(request.requirePrincipal()));
        if (!problems.isEmpty()) {
            return step(request, wizard, step, values, problems, 400);
        }
        ObjectNode filled = form.withDefaults(values);
        int next = nextStep(form, step, filled);
        return next < form.stepCount() ? step(request, wizard, next, filled, Map.of(), 200) : review(request, wizard, filled, null, 200);
    }

    private View back(Request request, Wizard wizard, int step, ObjectNode values) {
        int previous = previousStep(wizard.form(), step, values);
        if (previous < 0) {
            int first = nextStep(wizard.form(), -1, values);
            return first < wizard.form().stepCount() ? step(request, wizard, first, values, Map.of(), 200) : review(request, wizard, values, null, 200);
        }
        return step(request, wizard, previous, values, Map.of(), 200);
    }

    /** The first step after {@code step} whose {@code when:} condition holds, or the review (stepCount). */
    private static int nextStep(TemplateForm form, int step, ObjectNode values) {
        int next = step + 1;
        while (next < form.stepCount() && !form.applies(next, values)) {
            next++;
        }
        return next;
    }

    /** The last step before {@code step} whose condition holds, or -1. */
    private static int previousStep(TemplateForm form, int step, ObjectNode values) {
        int previous = step - 1;
        while (previous >= 0 && !form.applies(previous, values)) {
            previous--;
        }
        return previous;
    }

    private Object create(Request request, Wizard wizard, ObjectNode values) {
        for (int step = 0; step < wizard.form().stepCount(); step++) {
            if (!wizard.form().applies(step, values)) {
                continue;
            }
            Map<String, String> problems = wizard.form().problems(step, values, pickers.forUser(request.requirePrincipal()));
            if (!problems.isEmpty()) {
                return step(request, wizard, step, values, problems, 400);
            }
        }
        TemplateForm.Split split = wizard.form().split(values);
        try {
            String id = launcher.start(wizard.template().ref().toString(), split.values(), split.secrets(), request.requirePrincipal());
            return Response.redirect("/create/tasks/" + id);
        } catch (InputException e) {
            return review(request, wizard, values, e.getMessage(), 400);
        }
    }

    private View step(Request request, Wizard wizard, int step, ObjectNode values, Map<String, String> problems, int status) {
        TemplateForm form = wizard.form();
        boolean last = nextStep(form, step, values) == form.stepCount();
        Html description = form.stepDescription(step).map(d -> Html.format("<p class=\"muted\">{}</p>", d)).orElse(Html.EMPTY);
        Html summary = problems.isEmpty() ? Html.EMPTY : Html.format(
                "<p class=\"notice warning\" role=\"alert\" id=\"form-problems\">{} {} attention; see below.</p>", problems.size(),
                problems.size() == 1 ? "field needs" : "fields need");
        Html body = Html.format("""
                {}{}<form class="form" method="post" action="{}" novalidate data-wizard>{}\
                <div class="wizard-fields">{}</div><div class="form-actions wizard-actions">\
                <button type="submit" class="button primary" name="_action" value="next">{}</button>{}</div></form>""",
                description, summary, path(wizard.template()), hidden(request, step, values),
                form.fields(step, values, problems, pickers.forUser(request.requirePrincipal())),
                last ? label(wizard, "reviewButtonText", "Review") : Html.trusted("Next"),
                previousStep(form, step, values) < 0 ? Html.EMPTY : backButton(wizard));
        return view(wizard, step, values, Card.of(form.stepTitle(step), body).html(), status);
    }

    private View review(Request request, Wizard wizard, ObjectNode values, String error, int status) {
        TemplateForm form = wizard.form();
        Html problem = error == null ? Html.EMPTY : new ErrorPanel("The task could not start", error, List.of()).html();
        Html body = Html.format("""
                {}<p class="muted">Check your answers. Nothing is created until you press {}.</p><div class="review">{}</div>\
                <form method="post" action="{}" class="form-actions wizard-actions">{}<button type="submit" class="button primary" name="_action" \
                value="create">{}</button>{}</form>""",
                problem, label(wizard, "createButtonText", "Create"), form.review(values), path(wizard.template()),
                hidden(request, form.stepCount(), values), label(wizard, "createButtonText", "Create"),
                form.stepCount() == 0 ? Html.EMPTY : backButton(wizard));
        return view(wizard, form.stepCount(), values, Card.of("Review", body).html(), status);
    }

    private View view(Wizard wizard, int current, ObjectNode values, Html content, int status) {
        Entity template = wizard.template();
        List<Html> steps = new ArrayList<>();
        int number = 0;
        for (int i = 0; i <= wizard.form().stepCount(); i++) {
            if (i < wizard.form().stepCount() && !wizard.form().applies(i, values)) {
                continue;
            }
            String title = i < wizard.form().stepCount() ? wizard.form().stepTitle(i) : "Review";
            steps.add(Html.format("<li class=\"{}\"{}><span class=\"wizard-step-number\">{}</span> {}</li>",
                    i < current ? "done" : i == current ? "current" : "", i == current ? Html.trusted(" aria-current=\"step\"") : Html.EMPTY,
                    ++number, title));
        }
        Html intro = template.description().map(d -> Html.format("<p class=\"muted\">{}</p>", d)).orElse(Html.EMPTY);
        Html body = Html.format("<div class=\"stack narrow wizard\">{}<ol class=\"wizard-steps\" aria-label=\"Steps\">{}</ol>{}</div>",
                intro, Html.join(steps), content);
        return View.of(template.title().orElse(template.name()), body)
                .breadcrumbs(new Breadcrumbs.Crumb("Create", "/create"), new Breadcrumbs.Crumb(template.title().orElse(template.name()), null))
                .status(status);
    }

    private static Html hidden(Request request, int step, ObjectNode values) {
        return Html.format("{}<input type=\"hidden\" name=\"_step\" value=\"{}\"><input type=\"hidden\" name=\"_values\" value=\"{}\">",
                Forms.csrfField(request), step, JSON.writeValueAsString(values));
    }

    private static Html backButton(Wizard wizard) {
        return Html.format("<button type=\"submit\" class=\"button\" name=\"_action\" value=\"back\" formnovalidate>{}</button>",
                label(wizard, "backButtonText", "Back"));
    }

    /** A button label from the template's {@code spec.presentation.buttonLabels}, as Backstage allows. */
    private static Html label(Wizard wizard, String key, String fallback) {
        JsonNode labels = wizard.entity().path("spec").path("presentation").path("buttonLabels");
        return Html.text(labels.path(key).isString() && !labels.path(key).asString().isBlank() ? labels.path(key).asString() : fallback);
    }

    private Wizard wizard(Request request) {
        Entity template = launcher.template("template:" + request.pathParam("namespace") + "/" + request.pathParam("name"),
                request.requirePrincipal());
        ObjectNode entity = JSON.valueToTree(template.data());
        return new Wizard(template, entity, TemplateForm.of(entity.path("spec").path("parameters")));
    }

    private static ObjectNode values(Request request) {
        String text = request.formParam("_values").orElse("{}");
        try {
            JsonNode parsed = JSON.readTree(text.isBlank() ? "{}" : text);
            if (parsed instanceof ObjectNode object) {
                return object;
            }
        } catch (JacksonException e) {
            // handled below: the same answer for any field that is not our JSON
        }
        throw new InputException("_values: the form's answers are not a JSON object; start the template again");
    }

    private static int intParam(String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InputException("_step: expected a step number but found \"" + text + "\"");
        }
    }

    /** The template, its JSON and its form. */
    private record Wizard(Entity template, ObjectNode entity, TemplateForm form) {
    }
}
