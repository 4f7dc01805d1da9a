package io.kerberus.scaffolder.plugin.api;

import io.kerberus.catalog.Entity;
import io.kerberus.plugin.InputException;
import io.kerberus.plugin.NotFoundException;
import io.kerberus.plugin.Principal;
import io.kerberus.plugin.Request;
import io.kerberus.plugin.Response;
import io.kerberus.plugin.Routes;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.plugin.tasks.ActionRegistry;
import io.kerberus.scaffolder.plugin.tasks.DryRunner;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Backstage's template API: a template's parameter schema, the installed actions, and dry runs. */
public final class TemplateRoutes {

    private final TemplateSpecs templates;
    private final ActionRegistry actions;
    private final DryRunner dryRunner;
    private final Function<String, JsonNode> userEntities;
    private final ScaffolderAccess access;

    TemplateRoutes(TemplateSpecs templates, ActionRegistry actions, DryRunner dryRunner, Function<String, JsonNode> userEntities,
                   ScaffolderAccess access) {
        this.templates = templates;
        this.actions = actions;
        this.dryRunner = dryRunner;
        this.userEntities = userEntities;
        this.access = access;
    }

    /**
     * The body of {@code POST /v2/dry-run}.
     *
     * @param template          the Template entity, as JSON
     * @param values            the parameters
     * @param secrets           secrets, masked in the log
     * @param directoryContents the template's files, relative to it
     */
    record DryRunBody(JsonNode template, JsonNode values, Map<String, String> secrets, List<DryRunner.File> directoryContents) {
    }

    void mount(Routes routes) {
        routes.get("/v2/templates/{namespace}/{kind}/{name}/parameter-schema", this::parameterSchema);
        routes.get("/v2/actions", request -> actions.all().stream().map(TemplateRoutes::action).toList());
        routes.post("/v2/dry-run", this::dryRun);
    }

    private Object parameterSchema(Request request) {
        String kind = request.pathParam("kind");
        if (!kind.equalsIgnoreCase("template")) {
            throw new NotFoundException("Only Template entities have a parameter schema, not " + kind);
        }
        Entity template = templates.template("template:" + request.pathParam("namespace") + "/" + request.pathParam("name"));
        access.requireTemplate(request.requirePrincipal(), template);
        return TemplateSpecs.parameterSchema(template);
    }

    private static Map<String, Object> action(Action action) {
        return Response.object("id", action.id(), "description", action.description(),
                "schema", Response.object("input", action.inputSchema(), "output", action.outputSchema()));
    }

    private Object dryRun(Request request) {
        DryRunBody body = request.bodyAs(DryRunBody.class);
        if (body.template() == null) {
            throw new InputException("template: required, the Template entity to run");
        }
        Principal caller = request.requirePrincipal();
        // a dry run runs the steps of a template the caller sends, as a task would
        access.requireCreate(caller);
        String userRef = caller.isUser() ? caller.subject() : null;
        JsonNode userEntity = userRef == null ? null : lookup(userRef);
        DryRunner.Result result = dryRunner.run(templates.dryRunSpec(body.template(), body.values(), userRef),
                body.secrets() == null ? Map.of() : body.secrets(), body.directoryContents() == null ? List.of() : body.directoryContents(),
                Optional.of(caller), userEntity);
        return result;
    }

    private JsonNode lookup(String userRef) {
        try {
            return userEntities.apply(userRef);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
