package io.kerberus.techdocs.plugin.source;

import io.kerberus.catalog.Entity;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Finds an entity's docs project from its annotations, as Backstage does: {@code dir:<path>}
 * relative to the file the entity was read from ({@code backstage.io/managed-by-location}), or
 * {@code url:<folder URL>}. Folders outside {@code catalog.fileRoots} are refused, so a descriptor
 * cannot point the builder at {@code /etc}.
 */
public final class SourceResolver {

    /** The annotation that says where an entity's docs are. */
    public static final String TECHDOCS_REF = "backstage.io/techdocs-ref";
    static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";

    private final List<Path> fileRoots;

    public SourceResolver(List<Path> fileRoots) {
        this.fileRoots = fileRoots;
    }

    /** Whether the entity has docs at all. */
    public static boolean documented(Entity entity) {
        String ref = entity.annotations().get(TECHDOCS_REF);
        return ref != null && !ref.isBlank();
    }

    /**
     * The entity's docs project.
     *
     * @throws SourceException naming the annotation and what is wrong with it
     */
    public DocsSource resolve(Entity entity) throws SourceException {
        String ref = Optional.ofNullable(entity.annotations().get(TECHDOCS_REF)).map(String::strip).orElse("");
        if (ref.isEmpty()) {
            throw new SourceException(entity.ref() + " has no " + TECHDOCS_REF + " annotation; add one such as 'dir:.' next to its mkdocs.yml");
        }
        if (ref.startsWith("url:")) {
            return new DocsSource.Remote(folderUrl(ref.substring(4).strip(), ref));
        }
        if (!ref.startsWith("dir:")) {
            throw new SourceException(TECHDOCS_REF + " '" + ref + "' of " + entity.ref() + " is not understood; write dir:<folder relative to the"
                    + " entity's file> or url:<folder URL>");
        }
        String dir = ref.substring(4).strip();
        if (dir.isEmpty()) {
            dir = ".";
        }
        String location = entity.annotations().getOrDefault(MANAGED_BY_LOCATION, "");
        int colon = location.indexOf(':');
        String type = colon < 0 ? "" : location.substring(0, colon);
        String target = colon < 0 ? "" : location.substring(colon + 1);
        switch (type) {
            case "file" -> {
                Path file = Path.of(target.startsWith("file:") ? URI.create(target).getPath() : target);
                Path folder = file.toAbsolutePath().getParent().resolve(dir).normalize();
                return new DocsSource.Folder(checkInsideRoots(folder, ref));
            }
            case "url" -> {
                URI base = URI.create(target).resolve(".");
                return new DocsSource.Remote(folderUrl(base.resolve(dir.endsWith("/") ? dir : dir + "/").toString(), ref));
            }
            default -> throw new SourceException(TECHDOCS_REF + " '" + ref + "' of " + entity.ref() + " is relative to the entity's location, but"
                    + " the entity came from " + (location.isEmpty() ? "no location" : "'" + location + "'")
                    + "; use url:<folder URL>, or register the entity from a file or url location");
        }
    }

    private Path checkInsideRoots(Path folder, String ref) throws SourceException {
        try {
            Path real = Files.exists(folder) ? folder.toRealPath() : folder;
            for (Path root : fileRoots) {
                Path realRoot = Files.exists(root) ? root.toRealPath() : root.toAbsolutePath().normalize();
                if (real.startsWith(realRoot)) {
                    if (!Files.isDirectory(real)) {
                        throw new SourceException(TECHDOCS_REF + " '" + ref + "' points at " + folder + ", which is not a folder");
                    }
                    return real;
                }
            }
        } catch (IOException e) {
            throw new SourceException("Cannot read " + folder + " (" + ref + "): " + e.getMessage());
        }
        throw new SourceException(TECHDOCS_REF + " '" + ref + "' points at " + folder + ", outside the folders the catalog may read "
                + fileRoots + "; move the docs next to the entity or add the folder to catalog.fileRoots");
    }

    private static URI folderUrl(String url, String ref) throws SourceException {
        try {
            URI uri = URI.create(url.endsWith("/") ? url : url + "/");
            // file:///<repo>/blob/<branch>/ is a folder of a local git repository, read by the catalog's reader (publish:git to file://)
            boolean localGit = "file".equalsIgnoreCase(uri.getScheme()) && uri.getPath() != null && uri.getPath().contains("/blob/");
            if (!localGit && (uri.getScheme() == null || !List.of("http", "https").contains(uri.getScheme().toLowerCase(java.util.Locale.ROOT)))) {
                throw new SourceException(TECHDOCS_REF + " '" + ref + "' must name an http(s) folder URL such as"
                        + " url:https://github.com/org/repo/tree/main");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new SourceException(TECHDOCS_REF + " '" + ref + "' is not a valid URL: " + e.getMessage());
        }
    }
}
