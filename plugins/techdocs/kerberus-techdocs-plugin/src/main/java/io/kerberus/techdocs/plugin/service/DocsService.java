package io.kerberus.techdocs.plugin.service;

import io.kerberus.catalog.CatalogClient;
import io.kerberus.catalog.Entity;
import io.kerberus.catalog.EntityRef;
import io.kerberus.techdocs.TechDocs;
import io.kerberus.techdocs.plugin.build.BuildException;
import io.kerberus.techdocs.plugin.build.BuildListener;
import io.kerberus.techdocs.plugin.build.DocsSite;
import io.kerberus.techdocs.plugin.build.SiteBuilder;
import io.kerberus.techdocs.plugin.build.SourceFingerprint;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsException;
import io.kerberus.techdocs.plugin.publish.Publisher;
import io.kerberus.techdocs.plugin.source.DocsSource;
import io.kerberus.techdocs.plugin.source.RemoteFetcher;
import io.kerberus.techdocs.plugin.source.SourceException;
import io.kerberus.techdocs.plugin.source.SourceResolver;
import org.slf4j.Logger;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Builds, publishes and reads docs sites. With the local builder a view of a site checks its
 * source at most once per {@code refreshInterval} and rebuilds it in the background when it
 * changed; the reader keeps showing the published site meanwhile. One replica builds a site at a
 * time (a lease in the database); any replica shows the live log.
 */
public final class DocsService implements TechDocs {

    private static final JsonMapper JSON = JsonMapper.shared();
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final long CACHE_MILLIS = 5_000;

    /**
     * What the reader shows for a site.
     *
     * @param site  the published site, if there is one
     * @param build the latest build in the portal, if any
     */
    public record State(Optional<DocsSite> site, Optional<BuildStore.Build> build) {

        /** Whether a build is running (not just a check of the source). */
        public boolean building() {
            return build.map(b -> b.status() == BuildStore.Status.BUILDING).orElse(false);
        }

        /** Whether a check or a build is running. */
        public boolean busy() {
            return build.map(b -> b.status() == BuildStore.Status.BUILDING || b.status() == BuildStore.Status.CHECKING).orElse(false);
        }

        public boolean failed() {
            return build.map(b -> b.status() == BuildStore.Status.FAILED).orElse(false);
        }
    }

    private record Cached(Optional<DocsSite> site, long readAt) {
    }

    private final Publisher publisher;
    private final SiteBuilder builder;
    private final BuildStore store;
    private final Supplier<CatalogClient> catalog;
    private final boolean external;
    private final Duration refreshInterval;
    private final Path workDir;
    private final Clock clock;
    private final ExecutorService executor;
    private final Function<String, String> env;
    private final Logger logger;
    private final String owner = UUID.randomUUID().toString();
    private final Map<String, Cached> sites = new ConcurrentHashMap<>();
    private final List<java.util.function.Consumer<EntityRef>> publishedListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, java.util.concurrent.CompletableFuture<Void>> running = new ConcurrentHashMap<>();

    public DocsService(Publisher publisher, SiteBuilder builder, org.jdbi.v3.core.Jdbi jdbi, Supplier<CatalogClient> catalog, boolean external,
                       Duration refreshInterval, Path workDir, Clock clock, ExecutorService executor, Function<String, String> env, Logger logger) {
        this.publisher = publisher;
        this.builder = builder;
        this.store = new BuildStore(jdbi);
        this.catalog = catalog;
        this.external = external;
        this.refreshInterval = refreshInterval;
        this.workDir = workDir;
        this.clock = clock;
        this.executor = executor;
        this.env = env;
        this.logger = logger;
    }

    public boolean external() {
        return external;
    }

    public Publisher publisher() {
        return publisher;
    }

    /** The entity, if the catalog has it. */
    public Optional<Entity> entity(EntityRef ref) {
        return catalog.get().entity(ref);
    }

    /**
     * The site's state for the reader; with the local builder, then starts a check of its source when
     * one is due. The state is read first, so a finished build's outcome (a failure, say) is what this
     * view shows, not the next check just started.
     */
    public State view(Entity entity) {
        State state = state(entity.ref());
        if (!external && SourceResolver.documented(entity)) {
            startCheck(entity, false);
        }
        return state;
    }

    /** The site's state without starting anything. */
    public State state(EntityRef ref) {
        return new State(site(ref), external ? Optional.empty() : store.find(key(ref)));
    }

    /** Checks the source now, whatever the interval, and rebuilds when it changed (the "Rebuild" button). */
    public void rebuild(Entity entity) {
        if (!external) {
            startCheck(entity, true);
        }
    }

    /** Reads a file of the site. */
    public Optional<byte[]> read(EntityRef ref, String path) throws IOException {
        return publisher.read(ref, path);
    }

    /**
     * A page's content as published (not yet sanitised again) and its TOC.
     *
     * @param html its rendered Markdown; empty when the page's file is missing
     * @param toc  its level 2 and 3 headings
     */
    public record PageContent(String html, List<io.kerberus.techdocs.plugin.markdown.Heading> toc) {
    }

    /** The content of the page at {@code url} of a published site: Kerberus' markers, or the theme's main element of a MkDocs site. */
    public PageContent page(EntityRef ref, DocsSite site, DocsSite.PageInfo info) throws IOException {
        Optional<String> html = publisher.read(ref, info.url() + "index.html").map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        if (html.isEmpty()) {
            return new PageContent("", info.toc());
        }
        if (ForeignSite.GENERATOR.equals(site.generator())) {
            String content = ForeignSite.content(html.get());
            return new PageContent(content, ForeignSite.toc(content));
        }
        return new PageContent(DocsSite.content(html.get()), info.toc());
    }

    /** The published site's model, re-read at most every few seconds. */
    public Optional<DocsSite> site(EntityRef ref) {
        String key = key(ref);
        Cached cached = sites.get(key);
        long now = System.currentTimeMillis();
        if (cached != null && now - cached.readAt() < CACHE_MILLIS) {
            return cached.site();
        }
        Optional<DocsSite> site;
        try {
            site = publisher.read(ref, DocsSite.FILE).map(bytes -> JSON.readValue(bytes, DocsSite.class));
            if (site.isEmpty()) {
                Optional<byte[]> metadata = publisher.read(ref, Publisher.METADATA);
                if (metadata.isPresent()) {
                    site = ForeignSite.from(metadata.get(), publisher.read(ref, "search/search_index.json"));
                }
            }
        } catch (IOException | RuntimeException e) {
            logger.warn("Cannot read the docs site of {} from {}: {}", ref, publisher.describe(), e.getMessage());
            site = Optional.empty();
        }
        sites.put(key, new Cached(site, now));
        return site;
    }

    /**
     * Checks and, when the source changed, builds and publishes the entity's docs in this thread.
     *
     * @return the build's outcome as stored
     */
    public BuildStore.Build buildNow(Entity entity) {
        String key = key(entity.ref());
        long now = clock.millis();
        if (store.claim(key, owner, now, 0, LEASE.toMillis())) {
            run(entity);
        }
        return store.find(key).orElseThrow();
    }

    private void startCheck(Entity entity, boolean force) {
        String key = key(entity.ref());
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        if (running.putIfAbsent(key, done) != null) {
            return;
        }
        try {
            if (!store.claim(key, owner, clock.millis(), force ? 0 : refreshInterval.toMillis(), LEASE.toMillis())) {
                running.remove(key);
                return;
            }
            executor.execute(() -> {
                try {
                    run(entity);
                } catch (RuntimeException e) {
                    logger.error("Checking the docs of {} failed", entity.ref(), e);
                } finally {
                    running.remove(key);
                    done.complete(null);
                }
            });
        } catch (RuntimeException e) {
            running.remove(key);
            throw e;
        }
    }

    private void run(Entity entity) {
        EntityRef ref = entity.ref();
        String key = key(ref);
        List<String> log = new ArrayList<>();
        long[] lastFlush = {0};
        boolean[] building = {false};
        BuildListener listener = new BuildListener() {
            @Override
            public void log(String line) {
                synchronized (log) {
                    log.add(line);
                }
                flush(false);
            }

            @Override
            public void progress(int done, int total) {
                if (done == total || done % 50 == 0) {
                    log("Rendered " + done + " of " + total + " pages");
                }
            }

            private void flush(boolean force) {
                long now = System.currentTimeMillis();
                // a check that finds the source unchanged keeps the last build's log
                if (building[0] && (force || now - lastFlush[0] > 500)) {
                    lastFlush[0] = now;
                    String text;
                    synchronized (log) {
                        text = String.join("\n", log);
                    }
                    store.progress(key, owner, text, clock.millis() + LEASE.toMillis());
                }
            }
        };
        Path project = null;
        Path out = null;
        String source = "";
        String etag = null;
        Optional<BuildStore.Build> previous = store.find(key);
        try {
            DocsSource docs = new SourceResolver(catalog.get().fileRoots()).resolve(entity);
            source = docs.describe();
            listener.log("Reading docs of " + ref + " from " + source);
            Files.createDirectories(workDir);
            if (docs instanceof DocsSource.Folder folder) {
                project = folder.dir();
                etag = SourceFingerprint.of(project);
            } else if (docs instanceof DocsSource.Remote remote) {
                project = Files.createTempDirectory(workDir, "source-");
                etag = new RemoteFetcher(catalog.get().reader(), env).fetch(remote.base(), project, listener);
            }
            Optional<DocsSite> published = readSite(ref);
            if (published.isPresent() && published.get().etag().equals(etag)) {
                store.finish(key, owner, BuildStore.Status.READY, source, etag, clock.millis(), 0, null, null, false);
                return;
            }
            if (previous.isPresent() && previous.get().status() == BuildStore.Status.FAILED && etag.equals(previous.get().sourceEtag())) {
                store.finish(key, owner, BuildStore.Status.FAILED, source, etag, clock.millis(), 0, previous.get().error(), null, false);
                return;
            }
            store.building(key, owner);
            building[0] = true;
            out = Files.createTempDirectory(workDir, "site-");
            SiteBuilder.Result result = builder.build(project, out, entity.name(), listener, etag);
            listener.log("Publishing to " + publisher.describe());
            publisher.publish(ref, out);
            sites.remove(key);
            listener.log("Published " + result.pages() + " pages");
            for (java.util.function.Consumer<EntityRef> hook : publishedListeners) {
                try {
                    hook.accept(ref);
                } catch (RuntimeException e) {
                    logger.warn("A listener for published docs failed for {}: {}", ref, e.getMessage());
                }
            }
            store.finish(key, owner, BuildStore.Status.READY, source, etag, clock.millis(), result.warnings().size(), null, joined(log), true);
            logger.info("Built the docs of {} ({} pages, {} warnings) in {} ms", ref, result.pages(), result.warnings().size(), result.millis());
        } catch (SourceException | BuildException | MkdocsException | IOException | UncheckedIOException e) {
            listener.log("ERROR " + e.getMessage());
            store.finish(key, owner, BuildStore.Status.FAILED, source, etag, clock.millis(), 0, e.getMessage(), joined(log), true);
            logger.warn("Cannot build the docs of {}: {}", ref, e.getMessage());
        } catch (RuntimeException e) {
            listener.log("ERROR " + e);
            store.finish(key, owner, BuildStore.Status.FAILED, source, etag, clock.millis(), 0, "Internal error: " + e, joined(log), true);
            logger.error("Building the docs of {} failed", ref, e);
        } finally {
            if (project != null && project.startsWith(workDir)) {
                deleteTree(project);
            }
            if (out != null) {
                deleteTree(out);
            }
        }
    }

    private Optional<DocsSite> readSite(EntityRef ref) {
        sites.remove(key(ref));
        return site(ref);
    }

    @Override
    public void onPublished(java.util.function.Consumer<EntityRef> listener) {
        publishedListeners.add(listener);
    }

    @Override
    public List<EntityRef> published() {
        try {
            return publisher.sites();
        } catch (IOException e) {
            logger.warn("Cannot list the docs sites in {}: {}", publisher.describe(), e.getMessage());
            return List.of();
        }
    }

    @Override
    public List<DocsSection> sections(EntityRef entity) {
        try {
            Optional<byte[]> index = publisher.read(entity, "search/search_index.json");
            if (index.isEmpty()) {
                return List.of();
            }
            List<DocsSection> out = new ArrayList<>();
            for (var doc : JSON.readTree(index.get()).path("docs")) {
                String location = doc.path("location").asString("");
                out.add(new DocsSection(entity, doc.path("title").asString(""), doc.path("text").asString(""), location,
                        "/docs/" + Publisher.sitePath(entity) + "/" + location));
            }
            return out;
        } catch (IOException | RuntimeException e) {
            logger.warn("Cannot read the search index of the docs of {}: {}", entity, e.getMessage());
            return List.of();
        }
    }

    static String key(EntityRef ref) {
        return ref.key();
    }

    private static String joined(List<String> log) {
        synchronized (log) {
            return String.join("\n", log);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the next start empties the work folder
        }
    }
}
