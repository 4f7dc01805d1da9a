package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;
import io.kerberus.scaffolder.plugin.template.SkeletonOptions;
import io.kerberus.scaffolder.plugin.template.SkeletonRenderer;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code fetch:template}: renders a skeleton folder next to the template into the workspace with
 * {@link SkeletonRenderer}. The skeleton must be in a {@code file:} location inside
 * {@code catalog.fileRoots}: Kerberus cannot list folders over http(s) yet.
 */
public final class FetchTemplateAction implements Action {

    static final String ID = "fetch:template";

    private final TemplateSource source;
    private final SkeletonRenderer renderer;

    public FetchTemplateAction(TemplateSource source, SkeletonRenderer renderer) {
        this.source = source;
        this.renderer = renderer;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Downloads a skeleton, templates variables into file and directory names and content, and places the result in the workspace, or optionally in a subdirectory specified by the 'targetPath' input option.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().required("url")
                .string("url", "Fetch URL", "Relative path or absolute URL pointing to the directory tree to fetch")
                .string("targetPath", "Target Path", "Target path within the working directory to download the contents to. Defaults to the working directory root.")
                .obj("values", "Template Values", "Values to pass on to the templating engine")
                .strings("copyWithoutRender", "[Deprecated] Copy Without Render", "An array of glob patterns. Any files or directories which match are copied without being processed as templates.")
                .strings("copyWithoutTemplating", "Copy Without Templating", "An array of glob patterns. Contents of matched files or directories are copied without being processed, but paths are subject to rendering.")
                .bool("cookiecutterCompat", "Cookiecutter compatibility mode", "Enable features to maximise compatibility with templates built for fetch:cookiecutter")
                .property("templateFileExtension", Map.of("title", "Template File Extension",
                        "description", "If set, only files with the given extension will be templated. If set to `true`, the default extension `.njk` is used.",
                        "type", List.of("string", "boolean")))
                .bool("replace", "Replace files", "If set, replace files in targetPath instead of skipping existing ones.")
                .bool("trimBlocks", "Trim Blocks", "If set, the first newline after a block is removed (block, not variable tag!).")
                .bool("lstripBlocks", "Lstrip Blocks", "If set, leading spaces and tabs are stripped from the start of a line to a block.")
                .string("token", "Token", "An optional token to use for authentication when reading the resources.")
                .build();
    }

    @Override
    public boolean supportsDryRun() {
        return true;
    }

    @Override
    public void run(ActionContext ctx) throws Exception {
        ActionInputs in = new ActionInputs(ID, ctx.input());
        URI url = source.resolve(ctx, in.required("url"));
        JsonNode input = JsonMapper.shared().valueToTree(ctx.input());
        SkeletonOptions options = SkeletonOptions.fromInput(input);
        Files.createDirectories(ctx.resolve(options.targetPath(), "targetPath"));
        Path download = TemplateSource.isFile(url) ? null : source.fetchFolder(ID, url, in.string("token").filter(t -> !t.isBlank()));
        try {
            Path skeleton = download != null ? download : source.localPath(ctx, url);
            if (!Files.isDirectory(skeleton)) {
                throw new InputException("fetch:template: " + url + " is not a folder; point url at the skeleton folder");
            }
            ctx.log("Fetching template content from " + url);
            List<String> written = renderer.render(skeleton, ctx.workspace(), options, ctx::log);
            ctx.log("Rendered " + written.size() + " files");
        } finally {
            if (download != null) {
                io.kerberus.scaffolder.plugin.tasks.Workspaces.delete(download);
            }
        }
    }
}
