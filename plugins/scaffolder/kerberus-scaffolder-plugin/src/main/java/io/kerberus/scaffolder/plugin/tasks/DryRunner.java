package io.kerberus.scaffolder.plugin.tasks;

import io.kerberus.plugin.Principal;
import io.kerberus.scaffolder.plugin.template.WorkspacePaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Runs a template without side effects, as Backstage's {@code POST /v2/dry-run}: in a temporary
 * folder, nothing stored, every action told {@code dryRun} (actions that do not support it are
 * only logged). The template's files ({@code directoryContents}) go next to a virtual
 * {@code template.yaml}; the result lists the log, the output, the steps and the workspace's files.
 */
public final class DryRunner {

    private final TaskExecution execution;
    private final Path root;

    public DryRunner(TaskExecution execution, Path root) {
        this.execution = execution;
        this.root = root;
    }

    /**
     * A file of the template, or of the result.
     *
     * @param path          relative to the template's folder (or the workspace)
     * @param base64Content the bytes, base64
     * @param executable    whether it is executable (results only)
     */
    public record File(String path, String base64Content, boolean executable) {
    }

    /**
     * What a dry run did, in Backstage's shape.
     *
     * @param log               {@code {body: {message, stepId?, status?}}} per event, secrets masked
     * @param directoryContents the workspace's files afterwards
     * @param output            the template's rendered output, or an empty object if it failed
     * @param steps             {@code {id, name, action}} per step of the template
     * @param status            completed, failed or cancelled
     */
    public record Result(List<Map<String, Object>> log, List<File> directoryContents, JsonNode output, List<Map<String, Object>> steps,
                         String status) {
    }

    public Result run(ObjectNode spec, Map<String, String> secrets, List<File> templateFiles, Optional<Principal> user, JsonNode userEntity) {
        Path dir = root.resolve(UUID.randomUUID().toString());
        try {
            Path template = Files.createDirectories(dir.resolve("template"));
            Path workspace = Files.createDirectories(dir.resolve("workspace"));
            for (File file : templateFiles) {
                Path target = WorkspacePaths.resolveInside(template, file.path(), "directoryContents path");
                Files.createDirectories(target.getParent());
                Files.write(target, Base64.getDecoder().decode(file.base64Content() == null ? "" : file.base64Content()));
            }
            (spec.get("templateInfo") instanceof ObjectNode info ? info : spec.putObject("templateInfo")).put("baseUrl", template.resolve("template.yaml").toUri().toString());
            List<Map<String, Object>> log = new ArrayList<>();
            TaskExecution.Job job = new TaskExecution.Job("dry-run", spec, secrets, workspace, template.resolve("template.yaml").toUri(),
                    user, userEntity, true, 0, Map.of());
            TaskExecution.Outcome outcome = execution.run(job, new TaskExecution.Listener() {
                @Override
                public void event(String type, ObjectNode body) {
                    log.add(Map.of("body", body));
                }

                @Override
                public void step(String stepId, TaskStatus status, boolean started, boolean ended, JsonNode output) {
                }

                @Override
                public boolean cancelRequested() {
                    return false;
                }
            });
            JsonNode output = outcome.output() == null ? TaskStore.JSON.createObjectNode() : outcome.output();
            return new Result(log, files(workspace), output, steps(spec), outcome.status().value());
        } catch (IOException e) {
            throw new UncheckedIOException("Dry run: cannot write its temporary folder " + dir, e);
        } finally {
            Workspaces.delete(dir);
        }
    }

    private static List<Map<String, Object>> steps(JsonNode spec) {
        List<Map<String, Object>> steps = new ArrayList<>();
        int index = 0;
        for (JsonNode step : spec.path("steps").values()) {
            String id = TaskExecution.stepId(step, index++);
            steps.add(Map.of("id", id, "name", step.path("name").asString(id), "action", step.path("action").asString("")));
        }
        return steps;
    }

    private static List<File> files(Path workspace) throws IOException {
        try (Stream<Path> walk = Files.walk(workspace)) {
            List<Path> paths = walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
            List<File> files = new ArrayList<>();
            for (Path path : paths) {
                String relative = workspace.relativize(path).toString().replace('\\', '/');
                files.add(new File(relative, Base64.getEncoder().encodeToString(Files.readAllBytes(path)), Files.isExecutable(path)));
            }
            return files;
        }
    }
}
