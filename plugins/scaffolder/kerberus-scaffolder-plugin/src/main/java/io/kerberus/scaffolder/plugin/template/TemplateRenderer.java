package io.kerberus.scaffolder.plugin.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import com.hubspot.jinjava.tree.parse.StringTokenScannerSymbols;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders Backstage templates with Jinjava: {@code ${{ expr }}} expressions, {@code {% %}}
 * blocks and {@code {# #}} comments, Nunjucks-style (no autoescaping, a trailing newline kept,
 * undefined variables render as nothing, a plain {@code {{ }}} is text). Thread-safe; build one per
 * set of options and reuse it.
 */
public final class TemplateRenderer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final long MAX_OUTPUT_CHARS = 20L * 1024 * 1024;

    private final Jinjava jinjava;
    private final String expressionStart;

    private TemplateRenderer(ScmIntegrationTypes scmTypes, boolean trimBlocks, boolean lstripBlocks, boolean cookiecutter) {
        this.expressionStart = cookiecutter ? "{{" : "${{";
        JinjavaConfig config = JinjavaConfig.newBuilder()
                .withTokenScannerSymbols(StringTokenScannerSymbols.builder()
                        .withVariableStartString(expressionStart).withVariableEndString("}}")
                        .withBlockStartString("{%").withBlockEndString("%}")
                        .withCommentStartString("{#").withCommentEndString("#}")
                        .build())
                .withTrimBlocks(trimBlocks)
                .withLstripBlocks(lstripBlocks)
                .withKeepTrailingNewline(true)
                // a value that contains "${{ secrets.x }}" must stay text, never be evaluated again
                .withNestedInterpretationEnabled(false)
                .withFailOnUnknownTokens(false)
                .withMaxOutputSize(MAX_OUTPUT_CHARS)
                .withLegacyOverrides(LegacyOverrides.newBuilder()
                        .withUseNaturalOperatorPrecedence(true)
                        .withParseWhitespaceControlStrictly(true)
                        .build())
                .build();
        this.jinjava = new Jinjava(config);
        jinjava.setResourceLocator(NO_INCLUDES);
        TemplateFilters.all(scmTypes).forEach(jinjava.getGlobalContext()::registerFilter);
    }

    /** A renderer for template.yaml values and skeletons, {@code parseRepoUrl} knowing these hosts. */
    public static TemplateRenderer create(ScmIntegrationTypes scmTypes) {
        return new TemplateRenderer(scmTypes, false, false, false);
    }

    /** A renderer with {@code fetch:template}'s {@code trimBlocks} and {@code lstripBlocks} options. */
    public static TemplateRenderer create(ScmIntegrationTypes scmTypes, boolean trimBlocks, boolean lstripBlocks) {
        return new TemplateRenderer(scmTypes, trimBlocks, lstripBlocks, false);
    }

    /**
     * A renderer for {@code cookiecutterCompat: true}: Jinja's own {@code {{ }}} delimiters and
     * the {@code jsonify} filter; the caller puts the values under {@code cookiecutter}.
     */
    public static TemplateRenderer cookiecutter(ScmIntegrationTypes scmTypes, boolean trimBlocks, boolean lstripBlocks) {
        return new TemplateRenderer(scmTypes, trimBlocks, lstripBlocks, true);
    }

    /**
     * Renders a template to text.
     *
     * @param where names the template in error messages: a file path or an input path
     * @throws TemplateException naming {@code where} (and the line) on a syntax or evaluation error
     */
    public String render(String template, TemplateContext context, String where) {
        if (!template.contains(expressionStart) && !template.contains("{%") && !template.contains("{#")) {
            return template;
        }
        TemplateSyntax.Prepared prepared = TemplateSyntax.prepare(template, expressionStart);
        for (TemplateSyntax.FilterUse use : prepared.filters()) {
            if (jinjava.getGlobalContext().getFilter(use.name()) == null) {
                throw new TemplateException(where + ":" + use.line() + ": unknown filter '" + use.name() + "'");
            }
        }
        RenderResult result;
        try {
            result = jinjava.renderForResult(prepared.template(), context.toJava());
        } catch (RuntimeException e) {
            throw new TemplateException(where + ": " + e.getMessage(), e);
        }
        for (TemplateError error : result.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new TemplateException(where + (error.getLineno() > 0 ? ":" + error.getLineno() : "")
                        + ": " + describe(error));
            }
        }
        return result.getOutput();
    }

    /**
     * Renders a step's input (or any value of a template.yaml) as Backstage does: every string
     * is rendered; a string that is exactly one {@code ${{ expr }}} keeps the JSON type of what
     * {@code expr} yields (object, array, number, boolean); a value that renders to nothing is
     * dropped from its object (missing node at the top). Keys are not rendered.
     *
     * @param path the input's path for error messages, e.g. {@code steps.publish.input}
     * @throws TemplateException naming the path of the value that failed
     */
    public JsonNode renderValue(JsonNode input, TemplateContext context, String path) {
        if (input == null || input.isMissingNode()) {
            return NODES.missingNode();
        }
        if (input.isString()) {
            return renderString(input.stringValue(), context, path);
        }
        if (input.isObject()) {
            ObjectNode rendered = NODES.objectNode();
            for (Map.Entry<String, JsonNode> field : input.properties()) {
                JsonNode value = renderValue(field.getValue(), context, path + "." + field.getKey());
                if (!value.isMissingNode()) {
                    rendered.set(field.getKey(), value);
                }
            }
            return rendered;
        }
        if (input.isArray()) {
            ArrayNode rendered = NODES.arrayNode();
            int index = 0;
            for (JsonNode item : input.values()) {
                JsonNode value = renderValue(item, context, path + "[" + index++ + "]");
                rendered.add(value.isMissingNode() ? NODES.nullNode() : value);
            }
            return rendered;
        }
        return input;
    }

    private JsonNode renderString(String value, TemplateContext context, String path) {
        Optional<String> expression = TemplateSyntax.singleExpression(value, expressionStart);
        if (expression.isPresent()) {
            String json = render(expressionStart + " (" + expression.get() + ") | dump }}", context, path);
            if (json.isEmpty()) {
                return NODES.missingNode();
            }
            try {
                return TemplateValues.JSON.readTree(json);
            } catch (JacksonException e) {
                // not JSON after all (a block tag, say): fall back to the text, as Backstage does
            }
        }
        String text = render(value, context, path);
        return text.isEmpty() ? NODES.missingNode() : NODES.stringNode(text);
    }

    /**
     * Whether a step's {@code if:} lets it run: no condition or a non-string runs unless it is
     * the literal {@code false}; a string is rendered (keeping its type) and must be truthy in
     * Backstage's sense ({@link #isTruthy}).
     */
    public boolean conditionHolds(JsonNode condition, TemplateContext context, String path) {
        if (condition == null || condition.isMissingNode()) {
            return true;
        }
        if (!condition.isString()) {
            return !(condition.isBoolean() && !condition.booleanValue());
        }
        return isTruthy(renderValue(condition, context, path));
    }

    /**
     * Backstage's truthiness: {@code false}, null/undefined, {@code ""}, {@code 0}, {@code NaN}
     * and {@code []} are false; anything else is true, the string {@code "false"} included.
     */
    public static boolean isTruthy(JsonNode value) {
        return TemplateValues.isTruthy(value);
    }

    private static String describe(TemplateError error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? String.valueOf(error.getReason()) : message;
    }

    private static final ResourceLocator NO_INCLUDES = (name, encoding, interpreter) -> {
        throw new ResourceNotFoundException("templates cannot include or import other files: " + name);
    };
}
