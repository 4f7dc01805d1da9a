package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** {@code debug:log}: writes a message, and optionally the workspace's files (with their contents), to the log. */
public final class DebugLogAction implements Action {

    static final String ID = "debug:log";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Writes a message into the log and/or lists all files in the workspace.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object()
                .string("message", "Message to output.", "")
                .property("listWorkspace", Map.of("title", "List all files in the workspace, if true.",
                        "description", "true or 'with-filenames' lists file names; 'with-contents' also prints each file.",
                        "oneOf", List.of(Map.of("type", "boolean"),
                                Map.of("type", "string", "enum", List.of("with-filenames", "with-contents")))))
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        in.string("message").ifPresent(ctx::log);
        Object list = ctx.input().get("listWorkspace");
        if (list == null || Boolean.FALSE.equals(list)) {
            return;
        }
        boolean contents = "with-contents".equals(list);
        if (!contents && !Boolean.TRUE.equals(list) && !"with-filenames".equals(list)) {
            throw new InputException(ID + ": input 'listWorkspace' must be true, false, 'with-filenames' or 'with-contents'");
        }
        Path root = ctx.workspace().toRealPath();
        for (Path file : files(root)) {
            String name = root.relativize(file).toString().replace('\\', '/');
            ctx.log(contents ? name + ":\n\n" + Files.readString(file, StandardCharsets.UTF_8) : name);
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(".git")).sorted().toList();
        }
    }
}
