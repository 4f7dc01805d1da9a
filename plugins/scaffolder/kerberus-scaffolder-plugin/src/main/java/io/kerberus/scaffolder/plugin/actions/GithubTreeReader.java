package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.plugin.template.WorkspacePaths;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a folder (or a file) behind a GitHub URL, {@code https://<host>/<owner>/<repo>/tree/<ref>/<path>}
 * (or {@code /blob/}), through GitHub's contents API ({@code GET /repos/{owner}/{repo}/contents/{path}?ref=}),
 * as Backstage's GitHub UrlReader reads trees. Hosts are those of {@code integrations.github} (and
 * github.com); the token goes in the Authorization header only. Bounded: at most {@link #MAX_FILES} files
 * and {@link #MAX_BYTES} bytes, every entry kept inside the target folder.
 */
public final class GithubTreeReader {

    static final int MAX_FILES = 1000;
    static final long MAX_BYTES = 20L * 1024 * 1024;
    private static final Pattern SHAPE = Pattern.compile("/([^/]+)/([^/]+)/(?:tree|blob)/([^/]+)(?:/(.*))?");

    /**
     * Where a URL points.
     *
     * @param integration the {@code integrations.github} entry of the host
     * @param owner       the repository's owner
     * @param repo        the repository
     * @param ref         the branch, tag or commit
     * @param path        the folder or file inside the repository, empty for the root
     */
    record Location(GithubIntegration integration, String owner, String repo, String ref, String path) {
    }

    private final Function<String, Optional<GithubIntegration>> github;
    private final HttpClient http;

    /**
     * @param github the {@code integrations.github} entry of a host
     * @param http   the client (redirects are not followed: a token never leaves the API host)
     */
    public GithubTreeReader(Function<String, Optional<GithubIntegration>> github, HttpClient http) {
        this.github = github;
        this.http = http;
    }

    /** The GitHub location of {@code url}, if its host is a GitHub integration and its path a tree or blob URL. */
    Optional<Location> parse(URI url) {
        if (url.getHost() == null || url.getScheme() == null || !url.getScheme().startsWith("http") || url.getPath() == null) {
            return Optional.empty();
        }
        Matcher matcher = SHAPE.matcher(url.getPath());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String path = matcher.group(4) == null ? "" : matcher.group(4).replaceAll("/+$", "");
        return github.apply(url.getHost()).map(integration -> new Location(integration, matcher.group(1), matcher.group(2), matcher.group(3), path));
    }

    /**
     * Downloads the folder (or the single file) at {@code location} into {@code target}.
     *
     * @param token overrides the integration's token (the action's {@code token} input)
     * @return how many files were written
     */
    int download(Location location, Path target, Optional<String> token) throws IOException, InterruptedException {
        Optional<String> auth = token.or(() -> location.integration().token());
        int[] budget = {MAX_FILES};
        long[] bytes = {MAX_BYTES};
        JsonNode listing = json(location, location.path(), auth);
        if (listing.isObject()) {
            String name = location.path().substring(location.path().lastIndexOf('/') + 1);
            writeFile(location, listing.path("path").asString(location.path()), WorkspacePaths.resolveInside(target, name, "file " + name), auth, bytes);
            return 1;
        }
        return downloadFolder(location, listing, location.path(), target, auth, budget, bytes, 0);
    }

    private int downloadFolder(Location location, JsonNode listing, String base, Path target, Optional<String> auth, int[] budget,
            long[] bytes, int depth) throws IOException, InterruptedException {
        if (depth > 32) {
            throw new InputException("Cannot read " + display(location) + ": folders nest more than 32 deep");
        }
        int written = 0;
        for (JsonNode entry : listing.values()) {
            String path = entry.path("path").asString("");
            if (!base.isEmpty() && !path.startsWith(base + "/") || path.isEmpty()) {
                throw new InputException("Cannot read " + display(location) + ": GitHub listed '" + path + "', which is outside the folder");
            }
            String relative = base.isEmpty() ? path : path.substring(base.length() + 1);
            switch (entry.path("type").asString("")) {
                case "dir" -> {
                    Path folder = WorkspacePaths.resolveInside(target, relative, "folder " + relative);
                    Files.createDirectories(folder);
                    written += downloadFolder(location, json(location, path, auth), base, target, auth, budget, bytes, depth + 1);
                }
                case "file" -> {
                    if (--budget[0] < 0) {
                        throw new InputException("Cannot read " + display(location) + ": it has more than " + MAX_FILES + " files");
                    }
                    writeFile(location, path, WorkspacePaths.resolveInside(target, relative, "file " + relative), auth, bytes);
                    written++;
                }
                default -> {
                    // symlinks and submodules are not followed, as Backstage's tree reader skips them
                }
            }
        }
        return written;
    }

    private JsonNode json(Location location, String path, Optional<String> auth) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = send(location, path, "application/vnd.github+json", auth);
        try (InputStream body = response.body()) {
            byte[] content = body.readNBytes(5 * 1024 * 1024);
            return JsonMapper.shared().readTree(content);
        }
    }

    private void writeFile(Location location, String path, Path file, Optional<String> auth, long[] bytes) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = send(location, path, "application/vnd.github.raw", auth);
        try (InputStream body = response.body()) {
            byte[] content = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, bytes[0] + 1));
            bytes[0] -= content.length;
            if (bytes[0] < 0) {
                throw new InputException("Cannot read " + display(location) + ": it is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
            }
            Files.createDirectories(file.getParent());
            Files.write(file, content);
        }
    }

    private HttpResponse<InputStream> send(Location location, String path, String accept, Optional<String> auth)
            throws IOException, InterruptedException {
        String api = location.integration().apiBaseUrl().toString().replaceAll("/+$", "");
        URI uri = URI.create(api + "/repos/" + location.owner() + "/" + location.repo() + "/contents" + (encodePath(path).isEmpty() ? "" : "/" + encodePath(path))
                + "?ref=" + URLEncoder.encode(location.ref(), StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Accept", accept)
                .header("X-GitHub-Api-Version", "2022-11-28").GET();
        auth.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            String hint = response.statusCode() == 404 ? "it does not exist, or the token may not read it"
                    : response.statusCode() == 401 || response.statusCode() == 403 ? "GitHub refused the token (set integrations.github[].token)"
                    : "GitHub answered HTTP " + response.statusCode();
            throw new InputException("Cannot read " + path + " of " + display(location) + ": " + hint);
        }
        return response;
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                out.append(out.isEmpty() ? "" : "/").append(URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return out.toString();
    }

    private static String display(Location location) {
        return "https://" + location.integration().host() + "/" + location.owner() + "/" + location.repo() + "/tree/" + location.ref()
                + (location.path().isEmpty() ? "" : "/" + location.path());
    }
}
