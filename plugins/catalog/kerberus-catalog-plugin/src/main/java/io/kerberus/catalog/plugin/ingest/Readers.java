package io.kerberus.catalog.plugin.ingest;

import io.kerberus.catalog.LocationSpec;
import io.kerberus.catalog.UrlReader;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads what locations point at: files inside the allowed roots ({@code catalog.fileRoots}, by
 * default the working directory and the folders of configured file locations), and URLs through the
 * URL readers (integrations first, then plain http(s) from allowed hosts). Also the {@link UrlReader}
 * handed to placeholder resolvers. {@code file:///<repo>/blob/<branch>/<path>} URLs are read from local
 * git repositories inside the roots ({@link LocalGitUrlReader}).
 */
public final class Readers implements UrlReader {

    private final List<UrlReader> urlReaders;
    private final List<Path> fileRoots;
    private final LocalGitUrlReader localGit = new LocalGitUrlReader(this);

    public Readers(List<UrlReader> urlReaders, List<Path> fileRoots) {
        this.urlReaders = List.copyOf(urlReaders);
        this.fileRoots = fileRoots.stream().map(root -> root.toAbsolutePath().normalize()).toList();
    }

    public List<Path> fileRoots() {
        return fileRoots;
    }

    /** The bytes of a {@code file} or {@code url} location (a single target, not a glob). */
    public byte[] read(LocationSpec location) throws IOException {
        return switch (location.type()) {
            case "file" -> readFile(Path.of(location.target()));
            case "url" -> read(URI.create(location.target()), null).content();
            default -> throw new IOException("Unknown location type '" + location.type() + "'; the catalog reads file and url locations");
        };
    }

    /** A file, refused outside the allowed roots (so that ../../etc/passwd stays out of the catalog). */
    public byte[] readFile(Path file) throws IOException {
        Path absolute = checkInsideRoots(file);
        if (Files.isDirectory(absolute)) {
            throw new IOException(absolute + " is a folder, not a file; point the target at a descriptor file or use a glob such as "
                    + absolute.resolve("*.yaml"));
        }
        if (!Files.isRegularFile(absolute)) {
            throw new FileNotFoundException(absolute + " does not exist");
        }
        if (Files.size(absolute) > DescriptorParser.MAX_BYTES) {
            throw new IOException(absolute + " is larger than " + DescriptorParser.MAX_BYTES / 1024 / 1024 + " MB");
        }
        return Files.readAllBytes(absolute);
    }

    /** The absolute path, or an error when it lies outside every allowed root. */
    public Path checkInsideRoots(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        Path real = Files.exists(absolute) ? absolute.toRealPath() : absolute;
        for (Path root : fileRoots) {
            Path realRoot = Files.exists(root) ? root.toRealPath() : root;
            if (real.startsWith(realRoot)) {
                return absolute;
            }
        }
        throw new IOException(absolute + " is outside the folders the catalog may read (" + fileRoots + "); add its folder to catalog.fileRoots");
    }

    @Override
    public boolean canRead(URI url) {
        return urlReaders.stream().anyMatch(reader -> reader.canRead(url)) || "file".equals(url.getScheme());
    }

    @Override
    public Response read(URI url, String etag) throws IOException {
        if (localGit.canRead(url) && !Files.isRegularFile(Path.of(url.getPath()))) {
            return localGit.read(url, etag);
        }
        if ("file".equals(url.getScheme())) {
            return new Response(readFile(Path.of(url)), Optional.empty(), false);
        }
        for (UrlReader reader : urlReaders) {
            if (reader.canRead(url)) {
                return reader.read(url, etag);
            }
        }
        throw new IOException("No reader may read " + url + ": add its host to backend.reading.allow, or configure an integration for it");
    }

    /** The files a file target names: itself, or the files its glob matches (sorted). */
    public List<Path> expandGlob(String target) throws IOException {
        if (!target.contains("*") && !target.contains("?") && !target.contains("{")) {
            return List.of(Path.of(target).toAbsolutePath().normalize());
        }
        Path absolute = Path.of(target).toAbsolutePath().normalize();
        Path base = absolute.getRoot();
        for (Path part : absolute) {
            String text = part.toString();
            if (text.contains("*") || text.contains("?") || text.contains("{")) {
                break;
            }
            base = base.resolve(part);
        }
        checkInsideRoots(base);
        var matcher = base.getFileSystem().getPathMatcher("glob:" + absolute);
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(base)) {
            try (var walk = Files.walk(base, 32)) {
                walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().forEach(files::add);
            }
        }
        return files;
    }
}
