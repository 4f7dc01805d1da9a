package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.catalog.UrlReader;
import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.ActionContext;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where the {@code fetch:*} actions read from: a {@code url} input resolved against the template's
 * location, read from disk for {@code file:} locations (only inside {@code catalog.fileRoots}, links
 * resolved first; a dry run may also read its own template folder), folders behind GitHub URLs through
 * {@link GithubTreeReader}, and single files through the catalog's reader for http(s).
 */
public final class TemplateSource {

    private final Supplier<List<Path>> fileRoots;
    private final Supplier<UrlReader> reader;
    private final GithubTreeReader trees;

    /**
     * @param fileRoots the catalog's {@code catalog.fileRoots}, asked on every read
     * @param reader    reads http(s) URLs (the catalog's reader with its integrations)
     * @param trees     reads folders behind GitHub URLs
     */
    public TemplateSource(Supplier<List<Path>> fileRoots, Supplier<UrlReader> reader, GithubTreeReader trees) {
        this.fileRoots = fileRoots;
        this.reader = reader;
        this.trees = trees;
    }

    /** Without folder reading over http(s). */
    public TemplateSource(Supplier<List<Path>> fileRoots, Supplier<UrlReader> reader) {
        this(fileRoots, reader, new GithubTreeReader(host -> Optional.empty(), null));
    }

    /** Whether {@code uri} is a GitHub tree or blob URL that {@link #fetchFolder} reads. */
    boolean isGithub(URI uri) {
        return trees.parse(uri).isPresent();
    }

    /**
     * Downloads the folder (or file) behind an http(s) URL into a new temporary folder, which the
     * caller deletes. Only GitHub URLs can be read as folders; any other URL is refused, saying which can.
     */
    Path fetchFolder(String action, URI uri, Optional<String> token) {
        GithubTreeReader.Location location = trees.parse(uri).orElseThrow(() -> new InputException(action + ": cannot read the folder "
                + uri + ": over http(s) Kerberus reads folders only from GitHub URLs such as https://github.com/<owner>/<repo>/tree/<branch>/<path>"
                + " (github.com or a host in integrations.github); other http(s) URLs are read as single files (fetch:plain:file)."
                + " Or register the template from a file: location inside catalog.fileRoots"));
        Path folder;
        try {
            folder = Files.createTempDirectory("kerberus-fetch");
        } catch (IOException e) {
            throw new InputException(action + ": cannot create a temporary folder: " + e.getMessage(), e);
        }
        try {
            trees.download(location, folder, token);
            return folder;
        } catch (IOException | RuntimeException e) {
            io.kerberus.scaffolder.plugin.tasks.Workspaces.delete(folder);
            if (e instanceof InputException input) {
                throw input;
            }
            throw new InputException(action + ": cannot read " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.kerberus.scaffolder.plugin.tasks.Workspaces.delete(folder);
            throw new InputException(action + ": interrupted while reading " + uri, e);
        }
    }

    /** {@code url} as an absolute URI: itself when it has a scheme, else relative to the template's location. */
    URI resolve(ActionContext ctx, String url) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InputException("url '" + url + "' is not a valid URL: " + e.getMessage());
        }
        if (uri.isAbsolute()) {
            return uri;
        }
        URI base = ctx.templateLocation();
        if (base == null) {
            throw new InputException("url '" + url + "' is relative but the template has no location to resolve it against");
        }
        return base.resolve(uri);
    }

    /** Whether {@code uri} is read from disk. */
    static boolean isFile(URI uri) {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    /**
     * The real path behind a {@code file:} URI, refused unless it exists inside a file root (or, in a
     * dry run, inside the folder the dry run wrote the template's files to).
     */
    Path localPath(ActionContext ctx, URI uri) {
        Path path;
        try {
            path = Path.of(uri);
        } catch (IllegalArgumentException e) {
            throw new InputException("Cannot read " + uri + ": not a local file URL");
        }
        Path real;
        try {
            real = path.toRealPath();
        } catch (IOException e) {
            throw new InputException("Cannot read " + uri + ": it does not exist");
        }
        List<Path> roots = new java.util.ArrayList<>(fileRoots.get());
        if (ctx.dryRun() && ctx.templateLocation() != null && isFile(ctx.templateLocation())) {
            roots.add(Path.of(ctx.templateLocation()).getParent());
        }
        Optional<Path> root = roots.stream().map(TemplateSource::real).flatMap(Optional::stream)
                .filter(real::startsWith).findFirst();
        if (root.isEmpty()) {
            throw new InputException("Cannot read " + uri + ": it is outside catalog.fileRoots; "
                    + "add its folder to catalog.fileRoots or serve the template over http(s)");
        }
        return real;
    }

    /** The content of a single file, from disk or through the reader. */
    byte[] readFile(ActionContext ctx, URI uri) throws IOException {
        if (isFile(uri)) {
            Path path = localPath(ctx, uri);
            if (!Files.isRegularFile(path)) {
                throw new InputException("Cannot read " + uri + ": it is not a file");
            }
            return Files.readAllBytes(path);
        }
        UrlReader urlReader = reader.get();
        if (urlReader == null || !urlReader.canRead(uri)) {
            throw new InputException("Cannot read " + uri + ": no reader serves it; check integrations and backend.reading.allow");
        }
        try {
            return urlReader.read(uri, null).content();
        } catch (IOException e) {
            throw new InputException("Cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    private static Optional<Path> real(Path root) {
        try {
            return Optional.of(root.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
