package io.kerberus.catalog.plugin.ingest;

import io.kerberus.catalog.UrlReader;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads files from git repositories on this machine at a branch head, with URLs of the shape forges
 * use for http remotes: {@code file:///srv/git/repo/blob/<branch>/<path>} reads {@code <path>} from
 * the bare repository {@code /srv/git/repo.git} (or the repository {@code /srv/git/repo}). This is
 * what {@code publish:git} answers as {@code repoContentsUrl} for {@code file://} remotes. Only
 * repositories inside {@code catalog.fileRoots} are read. The etag is the blob's id.
 */
public final class LocalGitUrlReader implements UrlReader {

    private static final Pattern SHAPE = Pattern.compile("(/.+?)/blob/([^/]+)/(.+)");

    private final Readers roots;

    /** @param roots checks that a repository lies inside {@code catalog.fileRoots} */
    public LocalGitUrlReader(Readers roots) {
        this.roots = roots;
    }

    /**
     * A parsed URL.
     *
     * @param repository the repository folder without {@code .git}
     * @param branch     the branch
     * @param path       the file's path inside the repository
     */
    record Target(Path repository, String branch, String path) {
    }

    @Override
    public boolean canRead(URI url) {
        return parse(url).isPresent();
    }

    /** The repository, branch and path of a {@code file:///repo/blob/<branch>/<path>} URL. */
    static Optional<Target> parse(URI url) {
        if (url.getScheme() == null || !url.getScheme().toLowerCase(Locale.ROOT).equals("file") || url.getPath() == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(url.getPath());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Target(Path.of(matcher.group(1)), matcher.group(2), matcher.group(3)));
    }

    @Override
    public Response read(URI url, String etag) throws IOException {
        Target target = parse(url).orElseThrow(() -> new IOException(url + " is not a local git URL; write file:///<repository>/blob/<branch>/<path>"));
        if (List.of(url.getPath().split("/")).contains("..")) {
            throw new IOException(url + " contains '..'; write the repository's absolute path without '..'");
        }
        Path repository = repositoryFolder(url, target.repository());
        try {
            roots.checkInsideRoots(repository);
        } catch (IOException e) {
            throw new IOException(url + ": the repository " + repository + " is outside the folders the catalog may read ("
                    + roots.fileRoots() + "); add its folder to catalog.fileRoots");
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir(repository).toFile()).setMustExist(true).build()) {
            ObjectId head = repo.resolve(Constants.R_HEADS + target.branch());
            if (head == null) {
                throw new FileNotFoundException(url + ": the repository " + repository + " has no branch " + target.branch());
            }
            try (RevWalk walk = new RevWalk(repo)) {
                RevCommit commit = walk.parseCommit(head);
                try (TreeWalk tree = TreeWalk.forPath(repo, target.path(), commit.getTree())) {
                    if (tree == null || tree.isSubtree()) {
                        throw new FileNotFoundException(url + ": " + target.path() + " is not a file on branch " + target.branch()
                                + " of " + repository);
                    }
                    String blob = tree.getObjectId(0).getName();
                    if (blob.equals(etag)) {
                        return new Response(new byte[0], Optional.of(blob), true);
                    }
                    ObjectLoader loader = repo.open(tree.getObjectId(0));
                    if (loader.getSize() > DescriptorParser.MAX_BYTES) {
                        throw new IOException(url + " is larger than " + DescriptorParser.MAX_BYTES / 1024 / 1024 + " MB");
                    }
                    return new Response(loader.getBytes(), Optional.of(blob), false);
                }
            }
        }
    }

    /** {@code <repo>.git} when it exists (bare), else {@code <repo>} itself; missing means the URL is wrong. */
    private static Path repositoryFolder(URI url, Path repository) throws FileNotFoundException {
        Path bare = repository.resolveSibling(repository.getFileName() + ".git");
        if (Files.isDirectory(bare)) {
            return bare;
        }
        if (Files.isDirectory(repository)) {
            return repository;
        }
        throw new FileNotFoundException(url + ": there is no git repository at " + bare + " or " + repository);
    }

    private static Path gitDir(Path folder) {
        Path dotGit = folder.resolve(".git");
        return Files.isDirectory(dotGit) ? dotGit : folder;
    }
}
