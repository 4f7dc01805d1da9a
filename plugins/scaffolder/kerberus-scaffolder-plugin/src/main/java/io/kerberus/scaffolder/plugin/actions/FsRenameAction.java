package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** {@code fs:rename}: moves files and folders inside the workspace. */
public final class FsRenameAction implements Action {

    static final String ID = "fs:rename";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Renames files and directories within the workspace";
    }

    @Override
    public Map<String, Object> inputSchema() {
        Map<String, Object> file = Map.of("type", "object", "required", List.of("from", "to"), "properties", Map.of(
                "from", InputSchema.field("string", "The source location of the file to be renamed", ""),
                "to", InputSchema.field("string", "The destination of the new file", ""),
                "overwrite", InputSchema.field("boolean", "Overwrite existing file or directory, default is false", "")));
        Map<String, Object> files = InputSchema.field("array", "Files", "A list of file and directory names that will be renamed");
        files.put("items", file);
        return InputSchema.object().required("files").property("files", files).build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        if (!in.has("files")) {
            throw in.invalid("files", "is required: a list of {from, to}");
        }
        for (Object entry : in.list("files")) {
            if (!(entry instanceof Map<?, ?> file) || file.get("from") == null || file.get("to") == null) {
                throw new InputException(ID + ": each file must have a from and to property");
            }
            String from = String.valueOf(file.get("from"));
            String to = String.valueOf(file.get("to"));
            boolean overwrite = Boolean.TRUE.equals(file.get("overwrite"));
            Path source = ctx.resolve(from, "files.from");
            Path target = ctx.resolve(to, "files.to");
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new InputException(ID + ": cannot rename " + from + ": it does not exist in the workspace");
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!overwrite) {
                    throw new InputException(ID + ": cannot rename " + from + " to " + to
                            + ": the destination already exists; set overwrite: true to replace it");
                }
                WorkspaceFiles.deleteRecursively(target);
            }
            Files.createDirectories(target.getParent());
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
            ctx.log("File " + from + " renamed to " + to + " successfully");
        }
    }
}
