package io.kerberus.scaffolder.plugin.template;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.Optional;
import java.util.function.Consumer;

/** Writes the entries of one skeleton into one target folder; see {@link SkeletonRenderer}. */
final class SkeletonWriter {

    private static final int BINARY_SNIFF_BYTES = 8000;

    private final Path skeletonRoot;
    private final Path workspace;
    private final Path outputDir;
    private final SkeletonOptions options;
    private final TemplateRenderer renderer;
    private final TemplateContext context;
    private final SkeletonGlob copyOnly;
    private final Consumer<String> log;

    SkeletonWriter(Path skeletonRoot, Path workspace, Path outputDir, SkeletonOptions options,
            TemplateRenderer renderer, Consumer<String> log) {
        this.skeletonRoot = skeletonRoot;
        this.workspace = workspace;
        this.outputDir = outputDir;
        this.options = options;
        this.renderer = renderer;
        this.context = TemplateContext.empty().with(options.cookiecutterCompat() ? "cookiecutter" : "values", options.values());
        this.copyOnly = new SkeletonGlob(options.copyOnlyPatterns());
        this.log = log;
    }

    /** Writes one entry; the written path relative to the workspace, or empty if it was skipped. */
    Optional<String> write(SkeletonEntry entry) {
        if (entry.kind() == SkeletonEntry.Kind.OTHER) {
            throw new TemplateException("Skeleton entry " + entry.location() + " is neither a file, a folder nor a link");
        }
        boolean renderContents;
        String outputName = entry.location();
        if (options.extension().isPresent()) {
            String extension = options.extension().get();
            renderContents = entry.kind() == SkeletonEntry.Kind.FILE && outputName.endsWith(extension);
            outputName = renderContents ? outputName.substring(0, outputName.length() - extension.length()) : outputName;
            outputName = renderName(outputName, entry);
        } else {
            renderContents = !copyOnly.matches(entry.path());
            if (renderContents || options.renderCopiedNames()) {
                outputName = renderName(outputName, entry);
            }
        }
        if (outputName.isEmpty() || outputName.startsWith("/") || outputName.contains("//")) {
            log.accept("Skipping " + entry.location() + ": its name rendered to '" + outputName + "'");
            return Optional.empty();
        }
        Path target = WorkspacePaths.resolveInside(outputDir, outputName, "Skeleton entry " + entry.location() + " rendered to '" + outputName + "'");
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS) && !options.replace()) {
            log.accept("Keeping existing " + SkeletonRenderer.workspacePath(workspace, target));
            return Optional.empty();
        }
        try {
            writeEntry(entry, target, renderContents);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + " from skeleton entry " + entry.location(), e);
        }
        return Optional.of(SkeletonRenderer.workspacePath(workspace, target));
    }

    private String renderName(String name, SkeletonEntry entry) {
        return renderer.render(name, context, "the name of skeleton entry " + entry.location());
    }

    private void writeEntry(SkeletonEntry entry, Path target, boolean renderContents) throws IOException {
        switch (entry.kind()) {
            case DIRECTORY -> Files.createDirectories(target);
            case LINK -> copyLink(entry, target);
            default -> writeFile(entry, target, renderContents);
        }
    }

    private void writeFile(SkeletonEntry entry, Path target, boolean renderContents) throws IOException {
        byte[] bytes = Files.readAllBytes(entry.source());
        Optional<String> text = text(bytes);
        Files.createDirectories(target.getParent());
        Files.deleteIfExists(target);
        if (text.isEmpty()) {
            log.accept("Copying binary file " + entry.location() + " as it is");
            Files.write(target, bytes);
        } else if (!renderContents) {
            log.accept("Copying file " + entry.location() + " without processing");
            Files.write(target, bytes);
        } else {
            String rendered = renderer.render(text.get(), context, entry.location());
            Files.writeString(target, rendered, StandardCharsets.UTF_8);
        }
        copyMode(entry.source(), target);
    }

    /**
     * Recreates a link that stays inside the skeleton with the same relative target; a link out of
     * the skeleton, an absolute one or a broken one is refused, so no outside file is ever read.
     */
    private void copyLink(SkeletonEntry entry, Path target) throws IOException {
        Path linkTarget = Files.readSymbolicLink(entry.source());
        Path resolved = entry.source().getParent().resolve(linkTarget).normalize();
        if (linkTarget.isAbsolute() || !resolved.startsWith(skeletonRoot) || !WorkspacePaths.isInside(skeletonRoot, resolved)) {
            throw new TemplateException("Skeleton entry " + entry.location() + " is a symbolic link to '" + linkTarget
                    + "', which is outside the skeleton (or broken); links must point inside it");
        }
        if (!target.getParent().resolve(linkTarget).normalize().startsWith(workspace.toRealPath())) {
            throw new TemplateException("Skeleton entry " + entry.location() + " is a symbolic link to '" + linkTarget
                    + "', which would point outside the workspace where it is written");
        }
        log.accept("Copying symbolic link " + entry.location() + " -> " + linkTarget);
        Files.deleteIfExists(target);
        Files.createDirectories(target.getParent());
        Files.createSymbolicLink(target, linkTarget);
    }

    /** The contents as text, or empty when they look binary: a NUL byte early on, or not UTF-8. */
    private static Optional<String> text(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, BINARY_SNIFF_BYTES); i++) {
            if (bytes[i] == 0) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static void copyMode(Path source, Path target) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        if (view != null) {
            view.setPermissions(Files.getPosixFilePermissions(source));
        }
    }
}
