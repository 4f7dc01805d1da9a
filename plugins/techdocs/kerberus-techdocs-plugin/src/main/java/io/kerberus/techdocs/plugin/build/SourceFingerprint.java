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
 * mkdocs.yml and every file under the project. It changes when any source changes, and computing it
 * reads no file contents, so checking whether docs are stale is cheap.
 */
public final class SourceFingerprint {

    private SourceFingerprint() {
    }

    public static String of(Path projectDir) {
        MessageDigest digest = sha256();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(projectDir)) {
            files = walk.filter(Files::isRegularFile).filter(path -> !hidden(projectDir.relativize(path))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
