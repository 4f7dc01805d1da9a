package io.kerberus.techdocs.plugin.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of a docs project in a folder: the names, sizes and modification times of
 * mkdocs.yml and every file under its docs folder. It changes when any source changes, and computing it
 * reads no file contents, so checking whether docs are stale is cheap.
 */
public final class SourceFingerprint {

    private SourceFingerprint() {
    }

    public static String of(Path projectDir) {
        MessageDigest digest = sha256();
        List<Path> files = new java.util.ArrayList<>();
        for (String name : List.of("mkdocs.yml", "mkdocs.yaml")) {
            if (Files.isRegularFile(projectDir.resolve(name))) {
                files.add(projectDir.resolve(name));
            }
        }
        // only what a build reads: the config and the docs folder, not the rest of a repository (node_modules, target ...)
        Path docs = projectDir.resolve(docsDir(projectDir, files)).normalize();
        if (docs.startsWith(projectDir.normalize()) && Files.isDirectory(docs)) {
            try (Stream<Path> walk = Files.walk(docs)) {
                walk.filter(Files::isRegularFile).filter(path -> !hidden(projectDir.relativize(path))).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path file : files) {
            try {
                digest.update((projectDir.relativize(file) + "\n" + Files.size(file) + "\n" + Files.getLastModifiedTime(file).toMillis() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // a file deleted while walking changes the fingerprint anyway
                digest.update(file.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
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
