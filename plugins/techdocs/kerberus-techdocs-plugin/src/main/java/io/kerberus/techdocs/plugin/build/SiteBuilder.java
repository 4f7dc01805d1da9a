package io.kerberus.techdocs.plugin.build;

import io.kerberus.techdocs.plugin.markdown.MarkdownRenderer;
import io.kerberus.techdocs.plugin.markdown.PageContext;
import io.kerberus.techdocs.plugin.markdown.RenderedPage;
import io.kerberus.techdocs.plugin.markdown.Warning;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsConfig;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsConfigReader;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsException;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Builds a MkDocs project (mkdocs.yml and its docs folder) into a site, in the JVM: pages rendered
 * in parallel, the nav, each page's TOC, the search index, {@code techdocs_metadata.json} and the
 * reader's {@link DocsSite}. Problems in single pages are warnings with file and line; the build goes on.
 */
public final class SiteBuilder {

    /** Markdown files larger than this are skipped with a warning. */
    static final long MAX_PAGE_BYTES = 5L * 1024 * 1024;

    /**
     * A finished build.
     *
     * @param site     the reader's model of the site
     * @param pages    how many pages were written
     * @param millis   how long it took
     */
    public record Result(DocsSite site, int pages, long millis) {

        public List<Warning> warnings() {
            return site.warnings();
        }
    }

    private final Function<String, String> env;
    private final String generator;
    private final Map<List<?>, MarkdownRenderer> renderers = new ConcurrentHashMap<>();
    static final int CACHED_PROJECTS = 16;
    private final Map<String, Map<String, CachedPage>> pageCaches = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, CachedPage>> eldest) {
            return size() > CACHED_PROJECTS;
        }
    };

    /**
     * @param env       the environment for mkdocs.yml's {@code !ENV} tags
     * @param generator what to record as the generator, such as {@code kerberus 0.1.0}
     */
    public SiteBuilder(Function<String, String> env, String generator) {
        this.env = env;
        this.generator = generator;
    }

    /**
     * Builds {@code projectDir} into {@code outputDir}, which is emptied first.
     *
     * @param siteNameFallback the site name when the project has no mkdocs.yml (Backstage then makes one): the entity's name
     */
    public Result build(Path projectDir, Path outputDir, String siteNameFallback, BuildListener listener) throws BuildException {
        return build(projectDir, outputDir, siteNameFallback, listener, null);
    }

    /**
     * Builds {@code projectDir} into {@code outputDir}, recording {@code etag} as the source's
     * fingerprint (null: computed from the folder; a copy fetched from a URL passes its own).
     */
    public Result build(Path projectDir, Path outputDir, String siteNameFallback, BuildListener listener, String etag) throws BuildException {
        long start = System.nanoTime();
        List<String> log = new ArrayList<>();
        BuildListener logging = line -> {
            log.add(line);
            listener.log(line);
        };
        MkdocsConfig config = config(projectDir, siteNameFallback, logging);
        String sourceEtag = etag != null ? etag : SourceFingerprint.of(projectDir, config.docsDir());
        Path docs = projectDir.resolve(config.docsDir()).normalize();
        if (!docs.startsWith(projectDir.normalize())) {
            throw new BuildException(config.file() + ": docs_dir '" + config.docsDir() + "' leaves the project folder; point it at a folder inside it");
        }
        if (!Files.isDirectory(docs)) {
            throw new BuildException(config.file() + ": docs_dir '" + config.docsDir() + "' does not exist in " + projectDir
                    + "; create it with an index.md, or set docs_dir");
        }
        List<Warning> warnings = new ArrayList<>(config.warnings());
        List<Warning> pageWarnings = new ArrayList<>();
        DocsFiles files = collect(docs, pageWarnings);
        if (files.pages().isEmpty()) {
            throw new BuildException(config.docsDir() + "/ has no Markdown pages; add " + config.docsDir() + "/index.md");
        }
        MarkdownRenderer renderer = renderers.computeIfAbsent(List.copyOf(config.extensions()), key -> new MarkdownRenderer(config.extensions()));
        renderer.unsupported().forEach(name -> warnings.add(new Warning(config.file(), 0,
                "markdown extension '" + name + "' is not supported; its syntax renders as plain Markdown")));

        Map<String, String> pageUrls = new TreeMap<>();
        Set<String> allPages = files.pages().keySet();
        allPages.forEach(path -> pageUrls.put(path, PageUrls.urlOf(path, allPages)));
        logging.log("Rendering " + pageUrls.size() + " pages from " + config.docsDir() + "/");
        AtomicInteger reused = new AtomicInteger();
        Map<String, RenderedPage> rendered = render(files, pageUrls, renderer, listener, pageCache(projectDir, config), reused);
        rendered.values().forEach(page -> pageWarnings.addAll(page.warnings()));
        if (reused.get() > 0) {
            logging.log("Reused " + reused.get() + " unchanged page" + (reused.get() == 1 ? "" : "s") + " of the last build");
        }
        String prefix = config.docsDir().endsWith("/") ? config.docsDir() : config.docsDir() + "/";
        pageWarnings.forEach(w -> warnings.add(new Warning(prefix + w.file(), w.line(), w.message())));

        Map<String, String> titles = new LinkedHashMap<>();
        rendered.forEach((path, page) -> titles.put(path, page.title() != null ? page.title() : PageUrls.titleFromPath(path)));
        NavBuilder navBuilder = new NavBuilder(config, pageUrls, titles);
        List<DocsSite.NavNode> nav = navBuilder.build();
        warnings.addAll(navBuilder.warnings());
        warnings.sort(java.util.Comparator.comparing(Warning::file).thenComparingInt(Warning::line));

        try {
            SiteWriter writer = new SiteWriter(outputDir, config, nav, pageUrls, titles);
            Map<String, DocsSite.PageInfo> pages = writer.writePages(rendered);
            writer.copyFiles(docs, files.others());
            warnings.forEach(w -> logging.log("WARNING " + w.file() + (w.line() > 0 ? ":" + w.line() : "") + ": " + w.message()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            logging.log("Built " + pages.size() + " pages in " + millis + " ms with " + warnings.size() + " warning" + (warnings.size() == 1 ? "" : "s"));
            DocsSite site = new DocsSite(config.siteName(), config.siteDescription(), nav, pages, warnings, log, System.currentTimeMillis(), sourceEtag, generator);
            writer.writeIndexes(site, rendered);
            return new Result(site, pages.size(), millis);
        } catch (IOException e) {
            throw new BuildException("Cannot write the site to " + outputDir + ": " + e.getMessage(), e);
        }
    }

    private MkdocsConfig config(Path projectDir, String siteNameFallback, BuildListener log) throws BuildException {
        for (String name : List.of("mkdocs.yml", "mkdocs.yaml")) {
            Path file = projectDir.resolve(name);
            if (Files.isRegularFile(file)) {
                try {
                    log.log("Reading " + name);
                    return new MkdocsConfigReader(env).read(name, Files.readString(file, StandardCharsets.UTF_8));
                } catch (MkdocsException e) {
                    throw new BuildException(e.getMessage());
                } catch (IOException e) {
                    throw new BuildException(name + ": cannot be read: " + e.getMessage(), e);
                }
            }
        }
        if (!Files.isDirectory(projectDir.resolve("docs"))) {
            throw new BuildException("No mkdocs.yml and no docs/ folder in " + projectDir
                    + ": add a mkdocs.yml with site_name, and your Markdown under docs/");
        }
        log.log("No mkdocs.yml: using site_name " + siteNameFallback + ", docs_dir docs and the techdocs-core plugin, as Backstage does");
        return new MkdocsConfigReader(env).read("mkdocs.yml", "site_name: '" + siteNameFallback.replace("'", "''") + "'\nplugins: [techdocs-core]\n");
    }

    /**
     * The docs folder's Markdown pages (with their text) and other files, hidden files and symbolic
     * links that leave the folder skipped.
     */
    record DocsFiles(Map<String, String> pages, List<String> others) {
    }

    private static DocsFiles collect(Path docs, List<Warning> warnings) throws BuildException {
        Map<String, String> pages = new TreeMap<>();
        List<String> others = new ArrayList<>();
        Path realDocs;
        Map<Path, BasicFileAttributes> all = new TreeMap<>();
        try {
            realDocs = docs.toRealPath();
            // the walk hands over each file's attributes: one stat a file, where a 500-page site made thousands
            Files.walkFileTree(docs, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    all.put(file, attrs);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new BuildException("Cannot read " + docs + ": " + e.getMessage(), e);
        }
        for (Map.Entry<Path, BasicFileAttributes> entry : all.entrySet()) {
            Path file = entry.getKey();
            Path relative = docs.relativize(file);
            String path = relative.toString().replace('\\', '/');
            if (SourceFingerprint.hidden(relative)) {
                continue;
            }
            try {
                BasicFileAttributes attrs = entry.getValue();
                // the walk follows no links, so only a link can lead outside the docs folder
                if (attrs.isSymbolicLink()) {
                    attrs = linkTarget(file);
                    if (attrs != null && attrs.isRegularFile() && !file.toRealPath().startsWith(realDocs)) {
                        warnings.add(new Warning(path, 0, "is a link to a file outside the docs folder; it is skipped"));
                        continue;
                    }
                }
                if (attrs == null || !attrs.isRegularFile()) {
                    continue;
                }
                if (path.endsWith(".md") || path.endsWith(".markdown")) {
                    if (attrs.size() > MAX_PAGE_BYTES) {
                        warnings.add(new Warning(path, 0, "is larger than " + MAX_PAGE_BYTES / 1024 / 1024 + " MB; it is skipped"));
                        continue;
                    }
                    pages.put(path.endsWith(".markdown") ? path.substring(0, path.length() - 9) + ".md" : path, decode(file, path));
                } else {
                    others.add(path);
                }
            } catch (CharacterCodingException e) {
                warnings.add(new Warning(path, 0, "is not valid UTF-8; it is skipped"));
            } catch (IOException e) {
                warnings.add(new Warning(path, 0, "cannot be read (" + e.getMessage() + "); it is skipped"));
            }
        }
        return new DocsFiles(pages, others);
    }

    /** What a link points at; null when it points nowhere (a broken link is skipped, as any non-file). */
    private static BasicFileAttributes linkTarget(Path link) {
        try {
            return Files.readAttributes(link, BasicFileAttributes.class);
        } catch (IOException e) {
            return null;
        }
    }

    private static String decode(Path file, String path) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
    }

    private static Map<String, RenderedPage> render(DocsFiles files, Map<String, String> pageUrls, MarkdownRenderer renderer, BuildListener listener,
                                                    Map<String, CachedPage> cache, AtomicInteger reused) {
        Set<String> others = new HashSet<>(files.others());
        // a page renders the same when its Markdown and the site's set of pages and files are the same
        int site = java.util.Objects.hash(pageUrls, others);
        AtomicInteger done = new AtomicInteger();
        int total = files.pages().size();
        Map<String, RenderedPage> rendered = new ConcurrentHashMap<>();
        files.pages().entrySet().parallelStream().forEach(entry -> {
            String path = entry.getKey();
            CachedPage cached = cache.get(path);
            RenderedPage page;
            if (cached != null && cached.site() == site && cached.markdown().equals(entry.getValue())) {
                page = cached.page();
                reused.incrementAndGet();
            } else {
                page = renderer.render(entry.getValue(), new PageContext(path, pageUrls.get(path), pageUrls, others));
                cache.put(path, new CachedPage(entry.getValue(), site, page));
            }
            rendered.put(path, page);
            listener.progress(done.incrementAndGet(), total);
        });
        cache.keySet().retainAll(files.pages().keySet());
        return new TreeMap<>(rendered);
    }

    /** A page rendered in an earlier build of the same project, with what it was rendered from. */
    private record CachedPage(String markdown, int site, RenderedPage page) {
    }

    /**
     * The rendered pages of the last build of a project with the same Markdown extensions, so that
     * a rebuild after one page changed renders one page ({@code techdocs serve}, the portal's
     * rebuilds). The last {@value #CACHED_PROJECTS} projects are kept.
     */
    private Map<String, CachedPage> pageCache(Path projectDir, MkdocsConfig config) {
        String key = projectDir.toAbsolutePath().normalize() + "\n" + config.docsDir() + "\n" + config.extensions();
        synchronized (pageCaches) {
            return pageCaches.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
        }
    }
}
