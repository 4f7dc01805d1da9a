package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.ActionContext;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code file://} remotes of {@code publish:git}: a relative {@code repoUrl} resolves against a template
 * read from a {@code file:} location (so a demo template can publish next to itself), {@code ..} is
 * normalised away, and a missing bare repository is created when it lies inside {@code catalog.fileRoots}
 * (where the catalog's local git reader may read it back).
 */
final class LocalRemotes {

    private LocalRemotes() {
    }

    /** {@code repoUrl} as the remote to push to: absolute, and for {@code file:} normalised. */
    static String resolve(ActionContext ctx, String repoUrl) {
        URI uri;
        try {
            uri = new URI(repoUrl.strip());
        } catch (URISyntaxException e) {
            // scp-like ssh remotes (git@host:org/repo.git) are no URIs; JGit reads them as they are
            return repoUrl.strip();
        }
        if (!uri.isAbsolute()) {
            URI base = ctx.templateLocation();
            if (base == null || !"file".equalsIgnoreCase(base.getScheme())) {
                throw new InputException(PublishGitAction.ID + ": repoUrl '" + repoUrl + "' is relative; it resolves only against a template"
                        + " read from a file: location. Write an absolute remote such as https://git.example.com/team/repo.git");
            }
            uri = base.resolve(uri);
        }
        if (!isFile(uri)) {
            return repoUrl.strip();
        }
        String path = uri.normalize().getPath();
        path = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return "file://" + path;
    }

    static boolean isFile(URI uri) {
        return uri.getScheme() != null && uri.getScheme().toLowerCase(Locale.ROOT).equals("file");
    }

    /**
     * Creates the bare repository a {@code file://} remote names when it does not exist and lies inside
     * one of {@code roots}; an existing folder or any other remote is left alone.
     */
    static void createIfMissing(ActionContext ctx, String remote, List<Path> roots) {
        URI uri;
        try {
            uri = new URI(remote);
        } catch (URISyntaxException e) {
            return;
        }
        if (!isFile(uri) || uri.getPath() == null) {
            return;
        }
        Path repository = Path.of(uri.getPath());
        if (Files.exists(repository)) {
            return;
        }
        Optional<Path> root = roots.stream().map(r -> r.toAbsolutePath().normalize()).filter(r -> insideRealRoot(repository, r)).findFirst();
        if (root.isEmpty()) {
            throw new InputException(PublishGitAction.ID + ": there is no repository at " + remote + ", and it is outside catalog.fileRoots "
                    + roots + ", so it is not created; create the bare repository yourself or add its folder to catalog.fileRoots");
        }
        if (ctx.dryRun()) {
            ctx.log("Dry run: would create the bare repository " + repository);
            return;
        }
        try {
            Files.createDirectories(repository.getParent());
            Git.init().setBare(true).setInitialBranch("main").setDirectory(repository.toFile()).call().close();
            ctx.log("Created the bare repository " + repository);
        } catch (IOException | GitAPIException e) {
            throw new InputException(PublishGitAction.ID + ": cannot create the bare repository " + repository + ": " + e.getMessage(), e);
        }
    }

    /** Whether {@code path}'s deepest existing folder, links resolved, is inside {@code root}. */
    private static boolean insideRealRoot(Path path, Path root) {
        Path existing = path.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            // a root that does not exist yet (./data/demo-git before the first publish) is compared as written
            Path realRoot = Files.exists(root) ? root.toRealPath() : root;
            Path normalized = path.toAbsolutePath().normalize();
            return existing != null && (existing.toRealPath().startsWith(realRoot) || normalized.startsWith(realRoot)
                    && !Files.exists(root) && root.startsWith(existing.toRealPath()));
        } catch (IOException e) {
            return false;
        }
    }
}
