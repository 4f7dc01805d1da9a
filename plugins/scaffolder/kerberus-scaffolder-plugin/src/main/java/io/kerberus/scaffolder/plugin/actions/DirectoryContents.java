package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.ignore.IgnoreNode;

/**
 * Backstage's {@code serializeDirectoryContents(dir, {gitignore: true})}: the files below a workspace
 * folder, for actions that commit through a provider's API instead of a git push. {@code .git} and what the
 * folder's {@code .gitignore} ignores are left out; links are kept as links (their target as content),
 * never followed.
 */
final class DirectoryContents {

    /** At most this many files and bytes go into one API commit. */
    static final int MAX_FILES = 5000;
    static final long MAX_BYTES = 100L * 1024 * 1024;

    /**
     * One file.
     *
     * @param path       relative to the folder, with {@code /}
     * @param content    the bytes, or a link's target
     * @param executable whether the owner may execute it
     * @param symlink    whether it is a symbolic link
     */
    record Entry(String path, byte[] content, boolean executable, boolean symlink) {
    }

    private DirectoryContents() {
    }

    /** The files below {@code root}, sorted by path. */
    static List<Entry> read(Path root) throws IOException {
        IgnoreNode ignore = new IgnoreNode();
        Path gitignore = root.resolve(".gitignore");
        if (Files.isRegularFile(gitignore)) {
            try (InputStream in = Files.newInputStream(gitignore)) {
                ignore.parse(in);
            }
        }
        List<Entry> entries = new ArrayList<>();
        long[] bytes = {0};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                String rel = rel(root, dir);
                if (rel.isEmpty()) {
                    return FileVisitResult.CONTINUE;
                }
                boolean skip = dir.getFileName().toString().equals(".git") || Boolean.TRUE.equals(ignore.checkIgnored(rel, true));
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = rel(root, file);
                if (Boolean.TRUE.equals(ignore.checkIgnored(rel, false)) || !(attrs.isRegularFile() || attrs.isSymbolicLink())) {
                    return FileVisitResult.CONTINUE;
                }
                Entry entry = attrs.isSymbolicLink()
                        ? new Entry(rel, Files.readSymbolicLink(file).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8), false, true)
                        : new Entry(rel, Files.readAllBytes(file), Files.isExecutable(file), false);
                bytes[0] += entry.content().length;
                entries.add(entry);
                if (entries.size() > MAX_FILES || bytes[0] > MAX_BYTES) {
                    throw new InputException("The folder " + root.getFileName() + " has more than " + MAX_FILES + " files or "
                            + (MAX_BYTES >> 20) + " MB; publish a smaller sourcePath");
                }
                return FileVisitResult.CONTINUE;
            }
        });
        entries.sort((a, b) -> a.path().compareTo(b.path()));
        return entries;
    }

    /**
     * {@code path} below {@code targetPath} (empty, {@code .} or a relative folder), joined with {@code /}
     * and normalised; a {@code ..} segment or an absolute path is refused.
     */
    static String under(String targetPath, String path) {
        List<String> parts = new ArrayList<>();
        String joined = (targetPath == null ? "" : targetPath) + "/" + path;
        if (targetPath != null && (targetPath.startsWith("/") || targetPath.matches("^[A-Za-z]:.*"))) {
            throw new InputException("targetPath must be relative to the repository root, got " + targetPath);
        }
        for (String part : joined.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                throw new InputException("targetPath must stay inside the repository, got " + targetPath);
            }
            if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }

    private static String rel(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
