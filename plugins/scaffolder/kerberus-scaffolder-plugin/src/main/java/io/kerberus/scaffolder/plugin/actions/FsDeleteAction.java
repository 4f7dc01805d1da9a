package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code fs:delete}: deletes files and folders of the workspace, named by path or glob
 * ({@code **}{@code /*.tmp}, dot files included). Links are deleted, never followed.
 */
public final class FsDeleteAction implements Action {

    static final String ID = "fs:delete";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Deletes files and directories from the workspace";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().required("files")
                .strings("files", "Files", "A list of files and directories that will be deleted")
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        if (!in.has("files")) {
            throw in.invalid("files", "is required: a list of paths or globs");
        }
        for (Object entry : in.list("files")) {
            String pattern = String.valueOf(entry);
            for (Path path : matches(ctx, pattern)) {
                WorkspaceFiles.deleteRecursively(path);
                ctx.log("File " + WorkspaceFiles.relative(ctx, path) + " deleted successfully");
            }
        }
    }

    private static List<Path> matches(ActionContext ctx, String pattern) throws IOException {
        if (!isGlob(pattern)) {
            Path path = withoutFollowingLast(ctx, pattern);
            return Files.exists(path, LinkOption.NOFOLLOW_LINKS) ? List.of(path) : List.of();
        }
        if (pattern.startsWith("/") || pattern.contains("..")) {
            throw new InputException(ID + ": glob '" + pattern + "' must be relative and stay inside the workspace");
        }
        Path root = ctx.workspace().toRealPath();
        String glob = pattern.startsWith("./") ? pattern.substring(2) : pattern;
        PathMatcher deep = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        // globby's **/ also matches at the top level, Java's needs at least one folder
        PathMatcher top = glob.startsWith("**/")
                ? FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)) : deep;
        PathMatcher matcher = p -> deep.matches(p) || top.matches(p);
        List<Path> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(p -> !p.equals(root) && matcher.matches(root.relativize(p))).forEach(found::add);
        }
        // deepest first, so that a matched folder is deleted after what it contains was matched
        found.sort(Comparator.comparingInt(Path::getNameCount).reversed());
        return found.stream().filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }

    /** The path itself, not where it links to: a link that leads out may be deleted, its target may not. */
    private static Path withoutFollowingLast(ActionContext ctx, String pattern) {
        Path resolved = ctx.workspace().resolve(pattern).normalize();
        Path name = resolved.getFileName();
        if (name == null || resolved.getParent() == null || !resolved.startsWith(ctx.workspace().normalize())
                || resolved.equals(ctx.workspace().normalize())) {
            return ctx.resolve(pattern, "files");
        }
        String parent = ctx.workspace().normalize().relativize(resolved.getParent()).toString();
        return ctx.resolve(parent.isEmpty() ? "." : parent, "files").resolve(name.toString());
    }

    private static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }
}
