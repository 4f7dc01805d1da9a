package io.kerberus.scaffolder.plugin.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The inputs of {@code fetch:template} that shape rendering (the {@code url} is the caller's
 * business), checked as Backstage checks them.
 *
 * @param targetPath         where under the workspace to write, {@code ./} by default
 * @param values             what {@code ${{ values.x }}} reads
 * @param copyOnlyPatterns   globs of entries copied without rendering their contents
 * @param renderCopiedNames  true for {@code copyWithoutTemplating} (names of matched entries are
 *                           still rendered), false for the deprecated {@code copyWithoutRender}
 * @param extension          with {@code templateFileExtension}: only files ending in it are
 *                           rendered, and lose it ({@code .njk} for {@code true})
 * @param cookiecutterCompat Jinja's {@code {{ }}} delimiters and {@code cookiecutter.x} values
 * @param replace            overwrite files that already exist in the target
 * @param trimBlocks         drop the first newline after a block tag
 * @param lstripBlocks       strip whitespace before a block tag on its line
 */
public record SkeletonOptions(String targetPath, JsonNode values, List<String> copyOnlyPatterns,
        boolean renderCopiedNames, Optional<String> extension, boolean cookiecutterCompat, boolean replace,
        boolean trimBlocks, boolean lstripBlocks) {

    public SkeletonOptions {
        copyOnlyPatterns = List.copyOf(copyOnlyPatterns);
    }

    /** Render everything into the workspace root with these values. */
    public static SkeletonOptions withValues(JsonNode values) {
        return new SkeletonOptions("./", values, List.of(), true, Optional.empty(), false, false, false, false);
    }

    /**
     * Reads a rendered {@code fetch:template} input.
     *
     * @throws TemplateException on the combinations Backstage rejects
     */
    public static SkeletonOptions fromInput(JsonNode input) {
        JsonNode withoutRender = input.path("copyWithoutRender");
        JsonNode withoutTemplating = input.path("copyWithoutTemplating");
        if (!withoutRender.isMissingNode() && !withoutTemplating.isMissingNode()) {
            throw new TemplateException("Fetch action input copyWithoutRender and copyWithoutTemplating can not be used at the same time");
        }
        JsonNode patterns = withoutRender.isMissingNode() ? withoutTemplating : withoutRender;
        if (!patterns.isMissingNode() && !patterns.isArray()) {
            throw new TemplateException("Fetch action input copyWithoutRender/copyWithoutTemplating must be an Array");
        }
        boolean cookiecutter = input.path("cookiecutterCompat").asBoolean(false);
        Optional<String> extension = extension(input.path("templateFileExtension"));
        if (extension.isPresent() && (!patterns.isMissingNode() || cookiecutter)) {
            throw new TemplateException("Fetch action input extension incompatible with copyWithoutRender/copyWithoutTemplating and cookiecutterCompat");
        }
        List<String> globs = new ArrayList<>();
        patterns.values().forEach(pattern -> globs.add(pattern.asString()));
        JsonNode values = input.path("values");
        return new SkeletonOptions(input.path("targetPath").asString("./"),
                values.isMissingNode() ? JsonNodeFactory.instance.objectNode() : values,
                globs, withoutRender.isMissingNode(), extension, cookiecutter,
                input.path("replace").asBoolean(false), input.path("trimBlocks").asBoolean(false),
                input.path("lstripBlocks").asBoolean(false));
    }

    private static Optional<String> extension(JsonNode option) {
        if (option.isMissingNode() || option.isNull() || (option.isBoolean() && !option.booleanValue())) {
            return Optional.empty();
        }
        String extension = option.isBoolean() ? ".njk" : option.asString();
        if (extension.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(extension.startsWith(".") ? extension : "." + extension);
    }
}
