package io.kerberus.scaffolder.plugin.ui;

import io.kerberus.catalog.EntityRef;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.ui.Breadcrumbs;
import io.kerberus.plugin.ui.Card;
import io.kerberus.plugin.ui.EmptyState;
import io.kerberus.plugin.ui.ErrorPanel;
import io.kerberus.plugin.ui.Forms;
import io.kerberus.plugin.ui.Html;
import io.kerberus.plugin.ui.Table;
import io.kerberus.plugin.ui.TableState;
import io.kerberus.plugin.ui.View;
import io.kerberus.scaffolder.plugin.api.TaskLauncher;
import io.kerberus.scaffolder.plugin.tasks.StepState;
import io.kerberus.scaffolder.plugin.tasks.TaskEvent;
import io.kerberus.scaffolder.plugin.tasks.TaskRecord;
import io.kerberus.scaffolder.plugin.tasks.TaskStatus;
import io.kerberus.scaffolder.plugin.tasks.TaskStore;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code /create/tasks}: the runs so far, and {@code /create/tasks/:id}: one run with its steps, its
 * log (live over the API's event stream while it runs), its result links and text, cancel and retry.
 */
final class TaskPages {

    /** Log events shown on the page at most; the full log stays available from the API. */
    static final int MAX_EVENTS = 5_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final List<Table.Column> COLUMNS = List.of(Table.Column.plain("template", "Template"), Table.Column.plain("status", "Status"),
            Table.Column.plain("by", "Started by"), Table.Column.plain("at", "Started"));

    private final TaskLauncher launcher;
    private final TaskStore store;

    TaskPages(TaskLauncher launcher, TaskStore store) {
        this.launcher = launcher;
        this.store = store;
    }

    View list(Request request) {
        boolean all = request.queryParam("owner").orElse("").equals("all");
        Principal me = request.requirePrincipal();
        TableState state = TableState.from(request, COLUMNS, "at", 25);
        TaskStore.Page page = launcher.access().list(store, me, all ? List.of() : List.of(me.subject()), List.of(), state.offset(), state.pageSize());
        List<List<Html>> rows = new ArrayList<>();
        for (TaskRecord task : page.items()) {
            rows.add(List.of(Html.format("<a href=\"/create/tasks/{}\">{}</a>", task.id(), templateTitle(task)), badge(task.status()),
                    Html.text(Optional.ofNullable(task.createdBy()).orElse("")), Html.text(TIME.format(Instant.ofEpochMilli(task.createdAt())))));
        }
        Html tabs = Html.format("<nav class=\"row\" aria-label=\"Whose runs\"><a class=\"button small{}\" href=\"/create/tasks\"{}>Mine</a>"
                        + "<a class=\"button small{}\" href=\"/create/tasks?owner=all\"{}>All</a></nav>",
                all ? "" : " primary", all ? Html.EMPTY : Html.trusted(" aria-current=\"page\""),
                all ? " primary" : "", all ? Html.trusted(" aria-current=\"page\"") : Html.EMPTY);
        Table table = new Table("tasks", COLUMNS, rows, state, page.total(), false,
                EmptyState.of("No runs yet", "Choose a template on the Create page to start one."));
        return View.of("Template runs", Html.format("<div class=\"stack\">{}{}</div>", tabs, table.html()))
                .breadcrumbs(new Breadcrumbs.Crumb("Create", "/create"), new Breadcrumbs.Crumb("Runs", null));
    }

    View show(Request request) {
        Principal me = request.requirePrincipal();
        TaskRecord task = launcher.task(request.pathParam("taskId"), me);
        List<StepState> steps = store.steps(task.id());
        List<TaskEvent> events = store.events(task.id(), 0, MAX_EVENTS);
        long lastEvent = events.isEmpty() ? 0 : events.getLast().id();
        Optional<JsonNode> completion = events.reversed().stream().filter(e -> e.type().equals("completion")).map(TaskEvent::body).findFirst();
        Html header = Html.format("""
                <div class="row task-header">{}<span class="muted">Started by {} on {}</span>{}</div>""",
                badge(task.status()), Optional.ofNullable(task.createdBy()).orElse("someone"),
                TIME.format(Instant.ofEpochMilli(task.createdAt())), actions(request, task, launcher.access().mayCancel(me, task)));
        Html result = task.status() == TaskStatus.COMPLETED ? TaskResult.html(completion.map(c -> c.path("output")).orElse(null)) : Html.EMPTY;
        Html failure = task.status() == TaskStatus.FAILED
                ? new ErrorPanel("The run failed", completion.map(c -> c.path("error").path("message").asString("")).orElse("")
                        + " Fix the cause, then retry: the run starts again from the step that failed.", List.of()).html()
                : Html.EMPTY;
        Html body = Html.format("""
                <div class="stack task-view" id="task" data-task-id="{}" data-task-status="{}" data-last-event="{}">{}{}{}\
                <div class="task-grid">{}{}</div></div>""",
                task.id(), task.status().value(), lastEvent, header, result, failure,
                Card.of("Steps", Html.format("<ol class=\"task-steps\">{}</ol>", stepItems(task, steps))).html(),
                Card.of("Log", Html.format("<pre class=\"task-log\" id=\"task-log\" tabindex=\"0\" aria-live=\"polite\" aria-label=\"Log\">{}</pre>"
                        + "{}", logText(events), task.status().ended() ? Html.EMPTY
                        : Html.format("<noscript><p class=\"hint\"><a href=\"/create/tasks/{}\">Reload</a> to see new lines.</p></noscript>", task.id())))
                        .html());
        return View.of("Run of " + templateTitle(task), body)
                .breadcrumbs(new Breadcrumbs.Crumb("Create", "/create"), new Breadcrumbs.Crumb("Runs", "/create/tasks"),
                        new Breadcrumbs.Crumb(templateTitle(task), null));
    }

    Object cancel(Request request) {
        String id = request.pathParam("taskId");
        launcher.cancel(id, request.requirePrincipal());
        return Response.redirect("/create/tasks/" + id);
    }

    Object retry(Request request) {
        String id = request.pathParam("taskId");
        launcher.retry(id, null, request.requirePrincipal());
        return Response.redirect("/create/tasks/" + id);
    }

    private static Html actions(Request request, TaskRecord task, boolean mayChange) {
        if (!mayChange) {
            return Html.EMPTY;
        }
        if (!task.status().ended()) {
            return Html.format("<form method=\"post\" action=\"/create/tasks/{}/cancel\" class=\"task-action\">{}"
                    + "<button type=\"submit\" class=\"button small\">Cancel</button></form>", task.id(), Forms.csrfField(request));
        }
        if (task.status() == TaskStatus.FAILED || task.status() == TaskStatus.CANCELLED) {
            return Html.format("<form method=\"post\" action=\"/create/tasks/{}/retry\" class=\"task-action\">{}"
                    + "<button type=\"submit\" class=\"button small primary\">Retry</button></form>", task.id(), Forms.csrfField(request));
        }
        return Html.EMPTY;
    }

    private static Html stepItems(TaskRecord task, List<StepState> steps) {
        JsonNode specSteps = task.spec().path("steps");
        List<Html> items = new ArrayList<>();
        for (StepState step : steps) {
            String name = specSteps.path(step.position()).path("name").asString(step.stepId());
            items.add(Html.format("<li data-step-id=\"{}\" data-status=\"{}\"><span class=\"step-status\">{}</span> <span>{}</span></li>",
                    step.stepId(), step.status().value(), step.status().value(), name.isBlank() ? step.stepId() : name));
        }
        return Html.join(items);
    }

    private static String logText(List<TaskEvent> events) {
        StringBuilder out = new StringBuilder();
        for (TaskEvent event : events) {
            out.append(logLine(event)).append('\n');
        }
        return out.toString();
    }

    /** One line as the page's script writes it too: {@code [step] message}. */
    static String logLine(TaskEvent event) {
        String step = event.body().path("stepId").asString("");
        String message = event.body().path("message").asString("");
        return (step.isEmpty() ? "" : "[" + step + "] ") + message;
    }

    static Html badge(TaskStatus status) {
        String tone = switch (status) {
            case COMPLETED -> "success";
            case FAILED -> "danger";
            case PROCESSING, OPEN -> "warning";
            default -> "muted";
        };
        return Html.format("<span class=\"badge {}\" data-task-badge>{}</span>", tone, status.value());
    }

    static String templateTitle(TaskRecord task) {
        JsonNode metadata = task.spec().path("templateInfo").path("entity").path("metadata");
        String title = metadata.path("title").asString("");
        if (!title.isBlank()) {
            return title;
        }
        return metadata.path("name").asString(EntityRef.parse(task.templateRef()).name());
    }
}
