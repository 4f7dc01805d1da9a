package io.kerberus.scaffolder.plugin.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What {@code fetch:template} does once the skeleton is on disk: renders every file's contents and
 * every file and folder name with {@code ${{ values.x }}} into a folder of the workspace. Honours
 * {@code copyWithoutTemplating} (and its deprecated alias {@code copyWithoutRender}),
 * {@code templateFileExtension}, {@code cookiecutterCompat}, {@code replace}; skips an entry whose
 * name renders empty (how templates make a file optional); copies binary files byte for byte and
 * keeps file modes. Nothing is written outside the workspace and no link out of the skeleton is
 * followed or recreated.
 */
public final class SkeletonRenderer {

    private final ScmIntegrationTypes scmTypes;

    public SkeletonRenderer(ScmIntegrationTypes scmTypes) {
        this.scmTypes = scmTypes;
    }

    /**
     * Renders {@code skeleton} into {@code options.targetPath()} under {@code workspace}.
     *
     * @param log receives one line per notable step, as Backstage logs them
     * @return the written paths, relative to the workspace, with {@code /} separators
     * @throws TemplateException naming the skeleton entry (and line) that failed, or the path that
     *                           would leave the workspace
     */
    public List<String> render(Path skeleton, Path workspace, SkeletonOptions options, Consumer<String> log) {
        Path outputDir = WorkspacePaths.resolveInside(workspace, options.targetPath(), "targetPath");
        Path skeletonRoot = realDirectory(skeleton);
        if (outputDir.startsWith(skeletonRoot)) {
            throw new TemplateException("targetPath must not be within template path");
        }
        SkeletonWriter writer = new SkeletonWriter(skeletonRoot, workspace, outputDir, options, renderer(options), log);
        List<String> written = new ArrayList<>();
        for (SkeletonEntry entry : SkeletonEntry.list(skeletonRoot)) {
            writer.write(entry).ifPresent(written::add);
        }
        log.accept("Template result written to " + workspacePath(workspace, outputDir));
        return written;
    }

    private TemplateRenderer renderer(SkeletonOptions options) {
        return options.cookiecutterCompat()
                ? TemplateRenderer.cookiecutter(scmTypes, options.trimBlocks(), options.lstripBlocks())
                : TemplateRenderer.create(scmTypes, options.trimBlocks(), options.lstripBlocks());
    }

    private static Path realDirectory(Path skeleton) {
        if (!Files.isDirectory(skeleton)) {
            throw new TemplateException("The template skeleton " + skeleton + " is not a directory");
        }
        try {
            return skeleton.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String workspacePath(Path workspace, Path path) {
        try {
            String relative = workspace.toRealPath().relativize(path).toString().replace('\\', '/');
            return relative.isEmpty() ? "." : relative;
        } catch (IOException e) {
            return path.toString();
        }
    }
}
