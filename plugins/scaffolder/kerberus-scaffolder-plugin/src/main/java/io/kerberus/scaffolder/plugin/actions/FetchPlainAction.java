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
 * without rendering it. Folders are read from {@code file:} locations only; over http(s) only single
 * files are read, as Kerberus has no tree reader yet.
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
            Path local = source.localPath(url);
            if (Files.isDirectory(local)) {
                List<String> written = WorkspaceFiles.copyTree(ctx, local, targetPath);
                ctx.log("Copied " + written.size() + " files to " + WorkspaceFiles.relative(ctx, target));
                return;
            }
        } else if (isFolderUrl(url)) {
            throw new InputException(ID + ": cannot fetch the folder " + url + " over http(s); Kerberus reads folders "
                    + "only from file: locations inside catalog.fileRoots. Fetch single files with fetch:plain:file, "
                    + "or register the template from a file: location");
        }
        byte[] content = source.readFile(url);
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
