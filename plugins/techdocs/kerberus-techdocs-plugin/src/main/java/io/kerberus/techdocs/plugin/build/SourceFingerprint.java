package io.kerberus.techdocs.plugin.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A fingerprint of a docs project in a folder: the names, sizes and modification times of
 * mkdocs.yml and every file under its docs folder. It changes when any source changes, and computing it
 * reads no file contents, so checking whether docs are stale is cheap.
 */
public final class SourceFingerprint {

    private SourceFingerprint() {
    }

    public static String of(Path projectDir) {
        return of(projectDir, null);
    }

    /**
     * The fingerprint, given the docs folder mkdocs.yml names (null: read from mkdocs.yml), so that a
     * build which has read the config does not parse it again.
     */
    static String of(Path projectDir, String docsDir) {
        MessageDigest digest = sha256();
        // the config first, then the docs folder's files in order: the same fingerprint as earlier versions computed
        Map<Path, BasicFileAttributes> files = new LinkedHashMap<>();
        Map<Path, BasicFileAttributes> docsFiles = new TreeMap<>();
        for (String name : List.of("mkdocs.yml", "mkdocs.yaml")) {
            attributes(projectDir.resolve(name)).filter(BasicFileAttributes::isRegularFile).ifPresent(a -> files.put(projectDir.resolve(name), a));
        }
        // only what a build reads: the config and the docs folder, not the rest of a repository (node_modules, target ...)
        Path docs = projectDir.resolve(docsDir != null ? docsDir : docsDir(projectDir, List.copyOf(files.keySet()))).normalize();
        if (docs.startsWith(projectDir.normalize()) && Files.isDirectory(docs)) {
            try {
                // the walk hands over each file's attributes: one stat a file instead of four (a 500-page site)
                Files.walkFileTree(docs, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                        BasicFileAttributes target = attrs.isSymbolicLink() ? attributes(file).orElse(attrs) : attrs;
                        if (target.isRegularFile() && !hidden(projectDir.relativize(file))) {
                            docsFiles.put(file, target);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // a file deleted while walking changes the fingerprint anyway
                        digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        files.putAll(docsFiles);
        files.forEach((file, attrs) -> digest.update((projectDir.relativize(file) + "\n" + attrs.size() + "\n" + attrs.lastModifiedTime().toMillis() + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }

    /** A file's attributes, links followed; empty when it does not exist. */
    private static Optional<BasicFileAttributes> attributes(Path file) {
        try {
            return Optional.of(Files.readAttributes(file, BasicFileAttributes.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The docs folder the config names ({@code docs} when none does or the config cannot be read: the build reports that). */
    private static String docsDir(Path projectDir, List<Path> configs) {
        if (configs.isEmpty()) {
            return "docs";
        }
        try {
            return new io.kerberus.techdocs.plugin.mkdocs.MkdocsConfigReader(name -> null)
                    .read(configs.getFirst().getFileName().toString(), Files.readString(configs.getFirst())).docsDir();
        } catch (IOException | RuntimeException e) {
            return "docs";
        }
    }

    /** Hidden files and folders ({@code .git}, {@code .cache}) do not count. */
    static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
