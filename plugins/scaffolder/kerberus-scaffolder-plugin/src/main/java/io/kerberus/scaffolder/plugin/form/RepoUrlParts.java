package io.kerberus.scaffolder.plugin.form;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of a {@code RepoUrlPicker} value, {@code host?owner=o&repo=r}, written in the order of
 * Backstage's {@code serializeRepoPickerUrl} so the value matches what Backstage would send.
 */
final class RepoUrlParts {

    /** Query parameters in Backstage's order. */
    static final List<String> PARAMETERS = List.of("owner", "repo", "organization", "workspace", "project");

    private RepoUrlParts() {
    }

    /** Host and query parameters of a value; {@code host} holds the host. */
    static Map<String, String> parse(String value) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (value == null || value.isBlank()) {
            return parts;
        }
        int question = value.indexOf('?');
        parts.put("host", question < 0 ? value : value.substring(0, question));
        if (question >= 0) {
            for (String pair : value.substring(question + 1).split("&")) {
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                parts.putIfAbsent(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
            }
        }
        return parts;
    }

    /** {@code host?owner=..&repo=..} from the parts that are not blank. */
    static String format(Map<String, String> parts) {
        StringBuilder query = new StringBuilder();
        for (String key : PARAMETERS) {
            String value = parts.getOrDefault(key, "").strip();
            if (!value.isEmpty()) {
                query.append(query.isEmpty() ? "" : "&").append(key).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return parts.getOrDefault("host", "").strip() + "?" + query;
    }

    /**
     * The parts a host needs besides the host, as Backstage's picker asks for them: Azure DevOps an
     * organization and a project, Bitbucket Cloud a workspace and a project, the others an owner.
     */
    static List<String> partsFor(String host) {
        String lower = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (lower.equals("dev.azure.com") || lower.endsWith(".visualstudio.com")) {
            return List.of("organization", "project", "repo");
        }
        if (lower.equals("bitbucket.org")) {
            return List.of("workspace", "project", "repo");
        }
        return List.of("owner", "repo");
    }

    /** The label of a part. */
    static String label(String part) {
        return switch (part) {
            case "owner" -> "Owner";
            case "repo" -> "Repository";
            case "organization" -> "Organization";
            case "workspace" -> "Workspace";
            default -> "Project";
        };
    }

    /** The {@code ui:options} list that restricts a part ({@code allowedOwners} ...). */
    static String allowedOption(String part) {
        return switch (part) {
            case "owner" -> "allowedOwners";
            case "repo" -> "allowedRepos";
            case "organization" -> "allowedOrganizations";
            case "workspace" -> "allowedWorkspaces";
            default -> "allowedProjects";
        };
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
