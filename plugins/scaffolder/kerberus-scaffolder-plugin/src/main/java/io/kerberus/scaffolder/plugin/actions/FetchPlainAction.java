package io.kerberus.scaffolder.plugin.actions;

import io.kerberus.plugin.InputException;
import io.kerberus.scaffolder.Action;
import io.kerberus.scaffolder.ActionContext;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code fetch:plain}: copies a folder (or one file) from next to the template into the workspace
 * without rendering it. Folders are read from {@code file:} locations and GitHub URLs (tree or blob);
 * other http(s) URLs are read as single files.
 */
public final class FetchPlainAction implements Action {

    static final String ID = "fetch:plain";

    private final TemplateSource source;

    public FetchPlainAction(TemplateSource source) {
        this.source = source;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Downloads content and places it in the workspace, or optionally in a subdirectory specified by the 'targetPath' input option.";
    }

    @Override
    public Map<String, Object> inputSchema() {
        return InputSchema.object().required("url")
                .string("url", "Fetch URL", "Relative path or absolute URL pointing to the directory tree to fetch")
                .string("targetPath", "Target Path", "Target path within the working directory to download the contents to.")
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
        String targetPath = in.string("targetPath").orElse("./");
        Path target = ctx.resolve(targetPath, "targetPath");
        ctx.log("Fetching plain content from " + url);
        if (TemplateSource.isFile(url)) {
            Path local = source.localPath(ctx, url);
            if (Files.isDirectory(local)) {
                List<String> written = WorkspaceFiles.copyTree(ctx, local, targetPath);
                ctx.log("Copied " + written.size() + " files to " + WorkspaceFiles.relative(ctx, target));
                return;
            }
        } else if (source.isGithub(url) || isFolderUrl(url)) {
            Path download = source.fetchFolder(ID, url, in.string("token").filter(t -> !t.isBlank()));
            try {
                List<String> written = WorkspaceFiles.copyTree(ctx, download, targetPath);
                ctx.log("Copied " + written.size() + " files to " + WorkspaceFiles.relative(ctx, target));
                return;
            } finally {
                io.kerberus.scaffolder.plugin.tasks.Workspaces.delete(download);
            }
        }
        byte[] content = source.readFile(ctx, url);
        String file = Files.isDirectory(target) || targetPath.endsWith("/") || targetPath.equals(".")
                ? join(targetPath, fileName(url)) : targetPath;
        Path written = WorkspaceFiles.write(ctx, file, content, "targetPath");
        ctx.log("Copied 1 file to " + WorkspaceFiles.relative(ctx, written));
    }

    static boolean isFolderUrl(URI url) {
        String path = url.getPath() == null ? "" : url.getPath();
        return path.isEmpty() || path.endsWith("/") || path.contains("/tree/");
    }

    static String fileName(URI url) {
        String path = url.getPath();
        String name = path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals("..") || name.equals(".")) {
            throw new InputException("Cannot tell a file name from " + url);
        }
        return name;
    }

    private static String join(String folder, String name) {
        return folder.endsWith("/") ? folder + name : folder + "/" + name;
    }
}
