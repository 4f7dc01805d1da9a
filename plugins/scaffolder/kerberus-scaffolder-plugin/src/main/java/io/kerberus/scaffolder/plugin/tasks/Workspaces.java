package io.kerberus.scaffolder.plugin.tasks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Task workspaces under {@code <dataDir>/workspaces/<task id>}: created fresh per run, deleted when
 * the task completes, kept for {@code retention} after it fails or is cancelled so that a retry on
 * this replica can continue from the failed step.
 */
public final class Workspaces {

    private final Path root;
    private final Clock clock;
    private final Duration retention;

    public Workspaces(Path root, Clock clock, Duration retention) {
        this.root = root;
        this.clock = clock;
        this.retention = retention;
    }

    public Path of(String taskId) {
        return root.resolve(taskId);
    }

    /** Whether the workspace of a failed run of the task is still here. */
    boolean kept(String taskId) {
        return Files.isDirectory(of(taskId));
    }

    /** An empty workspace for the task, deleting any left from before. */
    Path fresh(String taskId) {
        Path dir = of(taskId);
        delete(dir);
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the workspace " + dir, e);
        }
    }

    /** Marks the workspace as kept from now, for {@link #prune}. */
    void keep(String taskId) {
        try {
            if (kept(taskId)) {
                Files.setLastModifiedTime(of(taskId), FileTime.fromMillis(clock.millis()));
            }
        } catch (IOException e) {
            // pruned a little early at worst
        }
    }

    /** Deletes kept workspaces older than the retention, except those of {@code running} tasks. */
    void prune(Set<String> running) {
        if (!Files.isDirectory(root)) {
            return;
        }
        long before = clock.millis() - retention.toMillis();
        try (Stream<Path> dirs = Files.list(root)) {
            dirs.filter(dir -> !running.contains(dir.getFileName().toString())).filter(dir -> modified(dir) < before).forEach(Workspaces::delete);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path dir) {
        try {
            return Files.getLastModifiedTime(dir).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Deletes a folder tree without following symbolic links out of it. */
    public static void delete(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
