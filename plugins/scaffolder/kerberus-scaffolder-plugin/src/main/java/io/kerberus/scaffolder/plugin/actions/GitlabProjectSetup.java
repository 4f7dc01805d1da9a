package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.ActionContext;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code branches} and {@code projectVariables} inputs of {@code publish:gitlab}, applied to the new project. */
final class GitlabProjectSetup {

    private GitlabProjectSetup() {
    }

    static void apply(ActionContext ctx, GitlabApi api, long projectId, ActionInputs in) throws IOException, InterruptedException {
        String project = "/projects/" + projectId;
        for (Object item : in.list("branches")) {
            Map<?, ?> branch = item instanceof Map<?, ?> map ? map : Map.of();
            String name = String.valueOf(branch.get("name"));
            if (Boolean.TRUE.equals(branch.get("create"))) {
                String ref = branch.get("ref") == null ? "master" : String.valueOf(branch.get("ref"));
                fail(api.send("POST", project + "/repository/branches", Map.of("branch", name, "ref", ref)), "Branch creation failed for " + name);
                ctx.log("Branch " + name + " created for " + projectId + " with ref " + ref);
            }
            if (Boolean.TRUE.equals(branch.get("protect"))) {
                fail(api.send("POST", project + "/protected_branches", Map.of("name", name)), "Branch protection failed for " + name);
                ctx.log("Branch " + name + " protected for " + projectId);
            }
        }
        for (Object item : in.list("projectVariables")) {
            Map<String, Object> variable = new LinkedHashMap<>();
            if (item instanceof Map<?, ?> map) {
                map.forEach((k, v) -> variable.put(String.valueOf(k), v));
            }
            variable.putIfAbsent("variable_type", "env_var");
            variable.putIfAbsent("protected", false);
            variable.putIfAbsent("masked", false);
            variable.putIfAbsent("raw", false);
            variable.putIfAbsent("environment_scope", "*");
            fail(api.send("POST", project + "/variables", variable), "Environment variable creation failed for " + variable.get("key"));
        }
    }

    private static void fail(GitlabApi.Reply reply, String what) {
        if (reply.status() / 100 != 2) {
            throw new InputException(what + " (HTTP " + reply.status() + "): " + GitlabApi.errorText(reply.body()));
        }
    }
}
