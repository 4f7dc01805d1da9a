package io.kerberus.scaffolder.plugin.template;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Backstage's {@code parseRepoUrl}: the {@code RepoUrlPicker} value {@code host?owner=o&repo=r}
 * (also {@code organization}, {@code workspace}, {@code project}) split into its parts, checked
 * for the parameters the host's integration type requires.
 *
 * @param host         host, with port if one was given
 * @param owner        owner (GitHub, GitLab, Gitea), or null
 * @param repo         repository name, or null (GitLab by project id)
 * @param organization organization (Azure DevOps), or null
 * @param workspace    workspace (Bitbucket Cloud), or null
 * @param project      project (Bitbucket, Azure, GitLab project id), or null
 */
public record RepoUrl(String host, String owner, String repo, String organization, String workspace,
        String project) {

    /**
     * Parses a repo URL as {@code parseRepoUrl} does.
     *
     * @throws TemplateException when the URL does not parse, no integration serves its host, or a
     *                           parameter the integration needs is missing
     */
    public static RepoUrl parse(String repoUrl, ScmIntegrationTypes types) {
        URI uri;
        try {
            uri = new URI("https://" + repoUrl);
        } catch (URISyntaxException e) {
            throw new TemplateException("Invalid repo URL passed to publisher, got " + repoUrl + ", " + e.getMessage());
        }
        String host = uri.getRawAuthority();
        if (host == null || host.isEmpty()) {
            throw new TemplateException("Invalid repo URL passed to publisher, got " + repoUrl + ", it names no host");
        }
        String type = types.typeOf(host).orElseThrow(() -> new TemplateException(
                "No matching integration configuration for host " + host + ", please check your integrations config"));
        Map<String, String> query = query(uri.getRawQuery());
        RepoUrl parsed = new RepoUrl(host, query.get("owner"), query.get("repo"), query.get("organization"),
                query.get("workspace"), query.get("project"));
        for (String required : parsed.requiredParameters(type)) {
            String value = query.get(required);
            if (value == null || value.isEmpty()) {
                throw new TemplateException("Invalid repo URL passed to publisher: https://" + repoUrl + ", missing " + required);
            }
        }
        return parsed;
    }

    private List<String> requiredParameters(String type) {
        return switch (type) {
            case "bitbucket" -> host.equals("www.bitbucket.org")
                    ? List.of("workspace", "project", "repo") : List.of("project", "repo");
            case "azure" -> List.of("project", "repo");
            case "gitlab" -> project == null ? List.of("owner", "repo") : List.of();
            case "gitea", "gerrit" -> List.of("repo");
            default -> List.of("repo", "owner");
        };
    }

    /** URLSearchParams semantics: first value wins, {@code +} is a space, leading and trailing {@code /} trimmed. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            values.putIfAbsent(key, trimSlashes(value));
        }
        return values;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static String trimSlashes(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == '/') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == '/') {
            end--;
        }
        return value.substring(start, end);
    }

    /** The parts that are present, in Backstage's order: what {@code JSON.stringify} of its result shows. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("host", host);
        putIfPresent(map, "owner", owner);
        putIfPresent(map, "repo", repo);
        putIfPresent(map, "organization", organization);
        putIfPresent(map, "workspace", workspace);
        putIfPresent(map, "project", project);
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** {@code projectSlug}: {@code owner/repo}, with JavaScript's {@code undefined} for a missing part. */
    public String projectSlug() {
        return (owner == null ? "undefined" : owner) + "/" + (repo == null ? "undefined" : repo);
    }
}
