package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/** {@code fetch:plain:file}: copies one file from next to the template (or any readable URL) to {@code targetPath}. */
public final class FetchPlainFileAction implements Action {

    static final String ID = "fetch:plain:file";

    private final TemplateSource source;

    public FetchPlainFileAction(TemplateSource source) {
        this.source = source;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Downloads single file and places it in the workspace.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().required("url", "targetPath")
                .string("url", "Fetch URL", "Relative path or absolute URL pointing to the single file to fetch.")
                .string("targetPath", "Target Path", "Target path within the working directory to download the file as.")
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
        String targetPath = in.required("targetPath");
        ctx.resolve(targetPath, "targetPath");
        ctx.log("Fetching plain file from " + url);
        byte[] content = source.readFile(ctx, url);
        Path written = WorkspaceFiles.write(ctx, targetPath, content, "targetPath");
        ctx.log("Wrote " + WorkspaceFiles.relative(ctx, written));
    }
}
