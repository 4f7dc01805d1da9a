package io.kerberus.techdocs.plugin.build;

import io.kerberus.techdocs.plugin.markdown.RenderedPage;
import io.kerberus.techdocs.plugin.markdown.Section;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsConfig;
import io.kerberus.techdocs.plugin.publish.Publisher;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Writes a built site: a standalone HTML page per page (readable offline, like {@code mkdocs build}'s
 * output; see {@link StandalonePages}), the docs' other files, {@code search/search_index.json} in MkDocs' format, the reader's
 * {@link DocsSite} and, last, {@code techdocs_metadata.json}.
 */
final class SiteWriter {

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Path out;
    private final MkdocsConfig config;
    private final List<DocsSite.NavNode> nav;
    private final Map<String, String> pageUrls;
    private final Map<String, String> titles;
    private final List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
    private final StandalonePages standalone;
    private final Map<String, String> sourceByUrl = new java.util.HashMap<>();

    SiteWriter(Path out, MkdocsConfig config, List<DocsSite.NavNode> nav, Map<String, String> pageUrls, Map<String, String> titles) throws IOException {
        this.out = out;
        this.config = config;
        this.nav = nav;
        this.pageUrls = pageUrls;
        this.titles = titles;
        this.standalone = new StandalonePages(config.siteName(), nav);
        pageUrls.forEach((source, url) -> sourceByUrl.putIfAbsent(url, source));
        empty(out);
    }

    /** Writes every page; returns the reader's page infos by URL. */
    Map<String, DocsSite.PageInfo> writePages(Map<String, RenderedPage> rendered) throws IOException {
        List<String> order = NavBuilder.pageOrder(nav);
        Map<String, Integer> positions = new java.util.HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            positions.putIfAbsent(order.get(i), i);
        }
        Map<String, DocsSite.PageInfo> infos = new LinkedHashMap<>();
        for (Map.Entry<String, RenderedPage> entry : rendered.entrySet()) {
            String url = pageUrls.get(entry.getKey());
            int at = positions.getOrDefault(url, -1);
            String previous = at > 0 ? order.get(at - 1) : null;
            String next = at >= 0 && at < order.size() - 1 ? order.get(at + 1) : null;
            DocsSite.PageInfo info = new DocsSite.PageInfo(url, titles.get(entry.getKey()), entry.getKey(), editUrl(entry.getKey()),
                    entry.getValue().toc(), previous, next);
            infos.put(url, info);
        }
        // pages are independent: write them on all cores
        try {
            rendered.entrySet().parallelStream().forEach(entry -> {
                DocsSite.PageInfo info = infos.get(pageUrls.get(entry.getKey()));
                try {
                    String html = standalone.page(info, entry.getValue(), titleOf(info.previous()), titleOf(info.next()));
                    write(info.url() + "index.html", html.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        copyResource("/static/techdocs/content.css", "assets/content.css");
        copyResource("/static/techdocs/standalone.css", "assets/standalone.css");
        write(StandalonePages.NAV_SCRIPT, standalone.navScript());
        write(StandalonePages.SITE_MAP, standalone.siteMap());
        return infos;
    }

    /** Copies the docs folder's other files (images, downloads), as MkDocs does. */
    void copyFiles(Path docs, List<String> files) throws IOException {
        for (String file : files) {
            Path target = out.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(docs.resolve(file), target, StandardCopyOption.REPLACE_EXISTING);
            written.add(file);
        }
    }

    /** The search index, the reader's model and, last, the metadata that marks the site complete. */
    void writeIndexes(DocsSite site, Map<String, RenderedPage> rendered) throws IOException {
        List<Map<String, String>> docs = new ArrayList<>();
        rendered.forEach((path, page) -> {
            String url = pageUrls.get(path);
            // as MkDocs' search plugin: the whole page, then each heading with the text under it
            docs.add(Map.of("location", url, "title", titles.get(path), "text", page.text()));
            for (Section section : page.sections()) {
                if (!section.id().isEmpty()) {
                    docs.add(Map.of("location", url + "#" + section.id(), "title", section.title(), "text", section.text()));
                }
            }
        });
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("config", Map.of("lang", List.of("en"), "separator", "[\\s\\-]+", "pipeline", List.of("stopWordFilter")));
        index.put("docs", docs);
        write("search/search_index.json", JSON.writeValueAsBytes(index));
        write(DocsSite.FILE, JSON.writeValueAsBytes(site));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("site_name", site.siteName());
        metadata.put("site_description", site.siteDescription());
        metadata.put("etag", site.etag());
        metadata.put("build_timestamp", site.builtAt());
        metadata.put("files", written.stream().sorted().toList());
        Files.write(out.resolve(Publisher.METADATA), JSON.writeValueAsBytes(metadata));
    }

    /** The edit link of a page: repo_url joined with edit_uri and the source path, as MkDocs makes it. */
    String editUrl(String source) {
        String editUri = config.editUri();
        String repo = config.repoUrl();
        if (editUri.isEmpty() && repo.contains("github.com")) {
            editUri = "edit/master/" + config.docsDir() + "/";
        } else if (editUri.isEmpty() && repo.contains("gitlab")) {
            editUri = "-/edit/master/" + config.docsDir() + "/";
        }
        if (editUri.isEmpty()) {
            return null;
        }
        if (editUri.matches("(?i)^https?://.*")) {
            return (editUri.endsWith("/") ? editUri : editUri + "/") + source;
        }
        if (repo.isEmpty()) {
            return null;
        }
        return (repo.endsWith("/") ? repo : repo + "/") + (editUri.endsWith("/") ? editUri : editUri + "/") + source;
    }

    private String titleOf(String url) {
        if (url == null) {
            return null;
        }
        String source = sourceByUrl.get(url);
        return source == null ? url : titles.get(source);
    }

    private void write(String path, byte[] bytes) throws IOException {
        Path target = out.resolve(path);
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        written.add(path);
    }

    private void copyResource(String resource, String path) throws IOException {
        try (InputStream in = SiteWriter.class.getResourceAsStream(resource)) {
            if (in != null) {
                write(path, in.readAllBytes());
            }
        }
    }

    /** Empties the output folder, but only when it is empty already or holds an earlier site: never someone's project. */
    private static void empty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> children = Files.list(dir)) {
                if (children.findAny().isPresent() && !Files.exists(dir.resolve(DocsSite.FILE)) && !Files.exists(dir.resolve(Publisher.METADATA))) {
                    throw new IOException(dir + " is not empty and holds no earlier docs site; choose an empty or new folder");
                }
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    if (!path.equals(dir)) {
                        Files.delete(path);
                    }
                }
            }
        }
        Files.createDirectories(dir);
    }
}
