package io.kerberus.scaffolder.plugin.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One file, folder or link of a skeleton, named as globby names it: relative, {@code /}
 * separators, folders ending in {@code /}.
 *
 * @param source   the entry on disk (a link itself, not its target)
 * @param location the relative name, with a trailing {@code /} for folders
 * @param kind     what the entry is, links not followed
 */
record SkeletonEntry(Path source, String location, Kind kind) {

    enum Kind { DIRECTORY, FILE, LINK, OTHER }

    /** Every entry under {@code root}, sorted by name (so parents come first), links not followed. */
    static List<SkeletonEntry> list(Path root) {
        List<SkeletonEntry> entries = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root)) {
                        entries.add(new SkeletonEntry(dir, name(root, dir) + "/", Kind.DIRECTORY));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    Kind kind = attrs.isSymbolicLink() ? Kind.LINK : attrs.isRegularFile() ? Kind.FILE : Kind.OTHER;
                    entries.add(new SkeletonEntry(file, name(root, file), kind));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the template skeleton " + root, e);
        }
        entries.sort(Comparator.comparing(SkeletonEntry::location));
        return entries;
    }

    /** The location without a folder's trailing slash, as glob patterns see it. */
    String path() {
        return location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
    }

    private static String name(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
