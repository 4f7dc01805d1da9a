package io.kerberus.scaffolder.plugin.form;

import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The rules Backstage's field extensions add to the schema's own. */
final class PickerChecks {

    /** Backstage's entity name rule ({@code KubernetesValidatorFunctions.isValidObjectName}). */
    static final Pattern ENTITY_NAME = Pattern.compile("^([a-zA-Z0-9]+[-_.])*[a-zA-Z0-9]+$");
    /** Backstage's tag rule ({@code EntityTagsPicker}). */
    static final Pattern TAG = Pattern.compile("^[a-z0-9:+#]+(-[a-z0-9:+#]+)*$");
    static final int MAX_NAME = 63;

    private PickerChecks() {
    }

    /** Adds the field's problems (by path) to {@code out}; {@code source} may be null when the catalog is not asked. */
    static void check(FormField field, JsonNode value, PickerSource source, Map<String, String> out) {
        if (!FormSchema.answered(value)) {
            return;
        }
        switch (field.kind()) {
            case ENTITY_NAME -> name(value.asString(""), field.path(), out);
            case TAGS -> {
                for (int i = 0; i < value.size(); i++) {
                    tag(value.get(i).asString(""), field.path() + "[" + i + "]", out);
                }
            }
            case ENTITY, OWNER -> entity(field, value.asString(""), field.path(), source, out);
            case MULTI_ENTITY -> {
                for (int i = 0; i < value.size(); i++) {
                    entity(field, value.get(i).asString(""), field.path() + "[" + i + "]", source, out);
                }
            }
            case REPO_URL -> repoUrl(field, value.asString(""), out);
            default -> {
            }
        }
    }

    private static void name(String name, String path, Map<String, String> out) {
        if (name.length() > MAX_NAME) {
            out.put(path, "Must be at most " + MAX_NAME + " characters");
        } else if (!ENTITY_NAME.matcher(name).matches()) {
            out.put(path, "Must start and end with a letter or digit and contain only letters, digits, '-', '_' and '.'");
        }
    }

    private static void tag(String tag, String path, Map<String, String> out) {
        if (tag.length() > MAX_NAME) {
            out.put(path, "Must be at most " + MAX_NAME + " characters");
        } else if (!TAG.matcher(tag).matches()) {
            out.put(path, "Must be lower-case letters, digits, ':', '+' or '#', in words joined by single dashes: " + tag);
        }
    }

    private static void entity(FormField field, String value, String path, PickerSource source, Map<String, String> out) {
        EntityPickerOptions options = EntityPickerOptions.of(field);
        String ref = EntityRefs.normalize(value, options.defaultKind(), options.defaultNamespace()).orElse(null);
        if (ref == null) {
            out.put(path, "Must be an entity ref such as group:default/team-a");
        } else if (!options.kinds().isEmpty() && !options.kinds().contains(EntityRefs.kind(ref))) {
            out.put(path, "Must be a " + String.join(" or ", options.kinds().stream().map(PickerChecks::capitalize).toList()));
        } else if (!options.arbitrary() && source != null
                && source.entities(options.filters(), EntityPickerOptions.LIMIT).stream().noneMatch(c -> c.ref().equals(ref))) {
            out.put(path, "Choose one of the offered entities");
        }
    }

    private static void repoUrl(FormField field, String value, Map<String, String> out) {
        Map<String, String> parts = RepoUrlParts.parse(value);
        String host = parts.getOrDefault("host", "");
        List<String> hosts = EntityPickerOptions.strings(field.option("allowedHosts"));
        if (host.isBlank()) {
            out.put(field.path(), "Choose a host");
            return;
        }
        if (!hosts.isEmpty() && !hosts.contains(host)) {
            out.put(field.path(), "Host must be one of: " + String.join(", ", hosts));
            return;
        }
        for (String part : RepoUrlParts.partsFor(host)) {
            String given = parts.getOrDefault(part, "");
            List<String> allowed = EntityPickerOptions.strings(field.option(RepoUrlParts.allowedOption(part)));
            if (given.isBlank()) {
                out.put(field.path(), RepoUrlParts.label(part) + " is required");
                return;
            }
            if (!allowed.isEmpty() && !allowed.contains(given)) {
                out.put(field.path(), RepoUrlParts.label(part) + " must be one of: " + String.join(", ", allowed));
                return;
            }
        }
    }

    private static String capitalize(String kind) {
        return kind.isEmpty() ? kind : kind.substring(0, 1).toUpperCase(Locale.ROOT) + kind.substring(1);
    }
}
