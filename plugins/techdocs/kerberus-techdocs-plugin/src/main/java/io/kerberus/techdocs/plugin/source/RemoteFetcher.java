package io.kerberus.techdocs.plugin.source;

import io.kerberus.catalog.UrlReader;
import io.kerberus.techdocs.plugin.build.BuildListener;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsConfig;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsConfigReader;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsException;
import io.kerberus.techdocs.plugin.mkdocs.NavEntry;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies a docs project behind a URL into a local folder, file by file through the catalog's
 * reader: mkdocs.yml, the pages its nav names (or {@code index.md}), and what those pages link to
 * relatively (more pages, images). URL readers read files, not folders, so a page that nothing
 * links to is not found; the nav is the way to list it.
 */
public final class RemoteFetcher {

    /** At most this many files per project. */
    static final int MAX_FILES = 2000;
    private static final Pattern LINK = Pattern.compile("\\]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)|(?:src|href)=\"([^\"]+)\"");

    private final UrlReader reader;
    private final Function<String, String> env;

    public RemoteFetcher(UrlReader reader, Function<String, String> env) {
        this.reader = reader;
        this.env = env;
    }

    /**
     * Fetches the project at {@code base} into {@code target} (an empty folder).
     *
     * @return a fingerprint of everything fetched, which changes when any fetched file changes
     * @throws SourceException when mkdocs.yml or the first page cannot be read
     */
    public String fetch(URI base, Path target, BuildListener log) throws SourceException {
        MessageDigest digest = sha256();
        byte[] config = readOrNull(base.resolve("mkdocs.yml"));
        String configName = "mkdocs.yml";
        if (config == null) {
            config = readOrNull(base.resolve("mkdocs.yaml"));
            configName = "mkdocs.yaml";
        }
        String docsDir = "docs";
        Set<String> pages = new LinkedHashSet<>();
        if (config != null) {
            write(target, configName, config, digest);
            try {
                MkdocsConfig parsed = new MkdocsConfigReader(env).read(configName, new String(config, StandardCharsets.UTF_8));
                docsDir = parsed.docsDir();
                if (parsed.nav() != null) {
                    collect(parsed.nav(), pages);
                }
            } catch (MkdocsException e) {
                // the build reports the broken config with its line
                return HexFormat.of().formatHex(digest.digest());
            }
        }
        pages.add("index.md");
        URI docs = base.resolve(docsDir.endsWith("/") ? docsDir : docsDir + "/");
        Deque<String> queue = new ArrayDeque<>(pages);
        Set<String> seen = new LinkedHashSet<>(pages);
        int fetched = 0;
        while (!queue.isEmpty() && fetched < MAX_FILES) {
            String path = queue.poll();
            byte[] bytes = readOrNull(docs.resolve(path));
            if (bytes == null) {
                if (path.equals("index.md") && fetched == 0 && seen.size() == 1) {
                    byte[] readme = readOrNull(docs.resolve("README.md"));
                    if (readme != null) {
                        write(target, docsDir + "/README.md", readme, digest);
                        fetched++;
                        continue;
                    }
                }
                log.log("Not found: " + docs.resolve(path));
                continue;
            }
            write(target, docsDir + "/" + path, bytes, digest);
            fetched++;
            if (path.endsWith(".md")) {
                for (String link : links(path, new String(bytes, StandardCharsets.UTF_8))) {
                    if (seen.add(link)) {
                        queue.add(link);
                    }
                }
            }
        }
        if (fetched == 0) {
            throw new SourceException("No docs found at " + docs + ": expected " + docsDir + "/index.md (or a nav in mkdocs.yml)");
        }
        log.log("Fetched " + fetched + " files from " + base);
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }

    private static void collect(java.util.List<NavEntry> nav, Set<String> pages) {
        for (NavEntry entry : nav) {
            if (entry.isSection()) {
                collect(entry.children(), pages);
            } else if (!entry.isExternal() && clean(entry.target()) != null) {
                pages.add(clean(entry.target()));
            }
        }
    }

    /** The docs-relative files a page links to relatively: other pages, images, downloads. */
    static Set<String> links(String page, String markdown) {
        Set<String> out = new LinkedHashSet<>();
        String folder = page.contains("/") ? page.substring(0, page.lastIndexOf('/') + 1) : "";
        Matcher m = LINK.matcher(markdown);
        while (m.find()) {
            String link = m.group(1) != null ? m.group(1) : m.group(2);
            if (link.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || link.startsWith("/") || link.startsWith("#")) {
                continue;
            }
            int cut = link.indexOf('#');
            link = cut >= 0 ? link.substring(0, cut) : link;
            cut = link.indexOf('?');
            link = cut >= 0 ? link.substring(0, cut) : link;
            if (link.isEmpty() || link.endsWith("/")) {
                continue;
            }
            String resolved = clean(URI.create("x:/" + folder).resolve(link.replace(" ", "%20")).getPath().substring(1));
            if (resolved != null) {
                out.add(resolved);
            }
        }
        return out;
    }

    /** A docs-relative path, or null when it leaves the docs folder or is not a plain path. */
    private static String clean(String path) {
        try {
            String normalized = URI.create("x:/" + path.replace(" ", "%20")).normalize().getPath();
            if (normalized == null || normalized.contains("..") || normalized.length() < 2 || normalized.contains("\\")) {
                return null;
            }
            return normalized.substring(1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] readOrNull(URI url) throws SourceException {
        try {
            return reader.read(url, null).content();
        } catch (java.io.FileNotFoundException | java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("404") || message.toLowerCase(java.util.Locale.ROOT).contains("not found")) {
                return null;
            }
            throw new SourceException("Cannot read " + url + ": " + message, e);
        }
    }

    private static void write(Path target, String path, byte[] bytes, MessageDigest digest) throws SourceException {
        Path file = target.resolve(path).normalize();
        if (!file.startsWith(target)) {
            return;
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new SourceException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        digest.update((path + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
