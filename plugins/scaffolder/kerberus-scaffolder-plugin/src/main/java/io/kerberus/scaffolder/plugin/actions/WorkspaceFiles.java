package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.scaffolder.ActionContext;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** File operations inside a task's workspace: every written path is checked with {@link ActionContext#resolve}. */
final class WorkspaceFiles {

    private WorkspaceFiles() {
    }

    /** {@code path} relative to the workspace, with {@code /}. */
    static String relative(ActionContext ctx, Path path) {
        try {
            String rel = ctx.workspace().toRealPath().relativize(path).toString().replace('\\', '/');
            return rel.isEmpty() ? "." : rel;
        } catch (IOException | IllegalArgumentException e) {
            return path.toString();
        }
    }

    /** Writes {@code content} at the workspace path {@code relative}, creating folders. */
    static Path write(ActionContext ctx, String relative, byte[] content, String what) throws IOException {
        Path target = ctx.resolve(relative, what);
        Files.createDirectories(target.getParent());
        ctx.resolve(relative, what);
        Files.write(target, content);
        return target;
    }

    /**
     * Copies the folder {@code source} (outside the workspace) to the workspace folder {@code targetRelative};
     * links are skipped, never followed.
     */
    static List<String> copyTree(ActionContext ctx, Path source, String targetRelative) throws IOException {
        List<String> written = new ArrayList<>();
        String base = targetRelative.endsWith("/") ? targetRelative : targetRelative + "/";
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(ctx.resolve(base + rel(source, dir), "targetPath"));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = rel(source, file);
                if (attrs.isSymbolicLink() || !attrs.isRegularFile()) {
                    ctx.log("Skipping " + rel + ": not a regular file (links are not copied)");
                    return FileVisitResult.CONTINUE;
                }
                Path target = ctx.resolve(base + rel, "targetPath");
                Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                written.add(relative(ctx, target));
                return FileVisitResult.CONTINUE;
            }
        });
        return written;
    }

    private static String rel(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    /** Deletes a file, a link (not what it points to) or a folder with its contents. */
    static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> children = Files.list(path)) {
                for (Path child : children.toList()) {
                    deleteRecursively(child);
                }
            }
        }
        Files.deleteIfExists(path);
    }
}
