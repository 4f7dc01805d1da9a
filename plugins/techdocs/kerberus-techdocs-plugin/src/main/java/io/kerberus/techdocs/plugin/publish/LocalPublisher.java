package io.kerberus.techdocs.plugin.publish;

import io.kerberus.catalog.EntityRef;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Sites in a local folder ({@code techdocs.publisher.local.publishDirectory}, by default under the data directory). */
public final class LocalPublisher implements Publisher {

    private final Path root;

    public LocalPublisher(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void publish(EntityRef entity, Path siteDir) throws IOException {
        Path site = root.resolve(Publisher.sitePath(entity));
        Files.createDirectories(site);
        Set<Path> written = new HashSet<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(siteDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path metadata = null;
        for (Path file : files) {
            Path relative = siteDir.relativize(file);
            if (relative.toString().equals(METADATA)) {
                metadata = file;
                continue;
            }
            copy(file, site.resolve(relative.toString()));
            written.add(site.resolve(relative.toString()).normalize());
        }
        if (metadata != null) {
            copy(metadata, site.resolve(METADATA));
            written.add(site.resolve(METADATA).normalize());
        }
        removeAllBut(site, written);
    }

    /** Copies through a temporary file and a rename, so that a reader never sees half a file. */
    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Path temp = to.resolveSibling("." + to.getFileName() + ".tmp");
        Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void removeAllBut(Path site, Set<Path> keep) throws IOException {
        List<Path> stale;
        try (Stream<Path> walk = Files.walk(site)) {
            stale = walk.sorted(Comparator.reverseOrder()).filter(path -> !path.equals(site)).toList();
        }
        for (Path path : stale) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> children = Files.list(path)) {
                    if (children.findAny().isEmpty()) {
                        Files.delete(path);
                    }
                }
            } else if (!keep.contains(path.normalize())) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public Optional<byte[]> read(EntityRef entity, String path) throws IOException {
        Path file = root.resolve(Publisher.sitePath(entity)).resolve(Publisher.checkPath(path)).normalize();
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(EntityRef entity) throws IOException {
        Path site = root.resolve(Publisher.sitePath(entity));
        if (!Files.isDirectory(site)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(site)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    @Override
    public List<EntityRef> sites() throws IOException {
        List<EntityRef> sites = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return sites;
        }
        try (Stream<Path> walk = Files.walk(root, 4)) {
            walk.filter(path -> path.getFileName().toString().equals(METADATA) && root.relativize(path).getNameCount() == 4)
                    .forEach(path -> {
                        Path relative = root.relativize(path);
                        sites.add(EntityRef.of(relative.getName(1).toString(), relative.getName(0).toString(), relative.getName(2).toString()));
                    });
        }
        return sites;
    }

    @Override
    public String describe() {
        return "folder " + root;
    }
}
