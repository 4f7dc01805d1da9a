package io.kerberus.scaffolder.plugin.template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps every path a task writes inside its workspace, as Backstage's {@code resolveSafeChildPath}
 * does: the path may not climb out with {@code ..} or be absolute elsewhere, and no existing part
 * of it may be a symbolic link that leads out.
 */
public final class WorkspacePaths {

    private WorkspacePaths() {
    }

    /**
     * {@code relative} resolved under {@code root}.
     *
     * @param what names the path in the error, e.g. {@code "targetPath"} or {@code "file docs/${{ values.x }}"}
     * @throws TemplateException when the path, or a link along it, leads outside {@code root}
     */
    public static Path resolveInside(Path root, String relative, String what) {
        Path base = realPath(root, what);
        Path target;
        try {
            target = base.resolve(relative).normalize();
        } catch (InvalidPathException e) {
            throw new TemplateException(what + ": '" + relative + "' is not a valid path: " + e.getMessage());
        }
        if (!target.startsWith(base)) {
            throw outside(what, relative);
        }
        Path existing = target;
        while (!Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        try {
            if (!existing.toRealPath().startsWith(base)) {
                throw outside(what, relative);
            }
        } catch (IOException e) {
            throw new TemplateException(what + ": '" + relative + "' goes through a broken symbolic link at "
                    + base.relativize(existing));
        }
        return target;
    }

    /** Whether {@code path}, once links are resolved, is {@code root} or inside it. */
    public static boolean isInside(Path root, Path path) {
        try {
            return path.toRealPath().startsWith(root.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }

    private static Path realPath(Path root, String what) {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new TemplateException(what + ": the workspace " + root + " does not exist", e);
        }
    }

    private static TemplateException outside(String what, String relative) {
        return new TemplateException(what + ": '" + relative
                + "' would be outside the workspace; use a relative path that stays inside it");
    }
}
