package io.kerberus.techdocs.plugin.build;

import io.kerberus.techdocs.plugin.markdown.Warning;
import io.kerberus.techdocs.plugin.mkdocs.MkdocsConfig;
import io.kerberus.techdocs.plugin.mkdocs.NavEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's nav: from mkdocs.yml's {@code nav}, or, without one, from the files as MkDocs makes it
 * (the home page first, then files and folders by name, folders as sections).
 */
final class NavBuilder {

    private final MkdocsConfig config;
    private final Map<String, String> pageUrls;
    private final Map<String, String> titles;
    private final List<Warning> warnings = new ArrayList<>();

    /**
     * @param pageUrls docs-relative page path to URL
     * @param titles   docs-relative page path to the page's own title
     */
    NavBuilder(MkdocsConfig config, Map<String, String> pageUrls, Map<String, String> titles) {
        this.config = config;
        this.pageUrls = pageUrls;
        this.titles = titles;
    }

    List<DocsSite.NavNode> build() {
        return config.nav() == null ? auto() : fromConfig(config.nav());
    }

    /** Nav entries that point nowhere, with the line in mkdocs.yml. */
    List<Warning> warnings() {
        return warnings;
    }

    /** The pages in nav order, for previous and next links. */
    static List<String> pageOrder(List<DocsSite.NavNode> nav) {
        List<String> order = new ArrayList<>();
        collect(nav, order);
        return order;
    }

    private static void collect(List<DocsSite.NavNode> nodes, List<String> order) {
        for (DocsSite.NavNode node : nodes) {
            if (node.url() != null && !node.external() && !order.contains(node.url())) {
                order.add(node.url());
            }
            collect(node.children(), order);
        }
    }

    private List<DocsSite.NavNode> fromConfig(List<NavEntry> entries) {
        List<DocsSite.NavNode> out = new ArrayList<>();
        for (NavEntry entry : entries) {
            if (entry.isSection()) {
                out.add(new DocsSite.NavNode(entry.title(), null, false, fromConfig(entry.children())));
            } else if (entry.isExternal()) {
                out.add(new DocsSite.NavNode(entry.title() == null ? entry.target() : entry.title(), entry.target(), true, List.of()));
            } else {
                String path = normalize(entry.target());
                String url = pageUrls.get(path);
                if (url == null) {
                    warnings.add(new Warning(config.file(), entry.line(), "nav entry '" + (entry.title() == null ? entry.target() : entry.title())
                            + "' points to '" + entry.target() + "', which is not in " + config.docsDir() + "/; it is left out"));
                    continue;
                }
                out.add(new DocsSite.NavNode(entry.title() == null ? titles.get(path) : entry.title(), url, false, List.of()));
            }
        }
        return out;
    }

    private static String normalize(String target) {
        String path = target.strip();
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        return path;
    }

    /** MkDocs' nav without a config: a tree of folders, the index page first in each. */
    private List<DocsSite.NavNode> auto() {
        Folder root = new Folder();
        pageUrls.keySet().forEach(path -> root.add(path, path));
        return root.nodes("");
    }

    private final class Folder {
        private final TreeMap<String, Folder> folders = new TreeMap<>();
        private final TreeMap<String, String> files = new TreeMap<>();

        void add(String rest, String path) {
            int slash = rest.indexOf('/');
            if (slash < 0) {
                files.put(rest, path);
            } else {
                folders.computeIfAbsent(rest.substring(0, slash), name -> new Folder()).add(rest.substring(slash + 1), path);
            }
        }

        List<DocsSite.NavNode> nodes(String prefix) {
            List<DocsSite.NavNode> out = new ArrayList<>();
            List<String> names = new ArrayList<>(files.keySet());
            names.sort((a, b) -> isIndex(a) != isIndex(b) ? (isIndex(a) ? -1 : 1) : a.compareTo(b));
            for (String name : names) {
                String path = files.get(name);
                out.add(new DocsSite.NavNode(titles.get(path), pageUrls.get(path), false, List.of()));
            }
            folders.forEach((name, folder) -> out.add(new DocsSite.NavNode(PageUrls.titleFromPath(name), null, false,
                    folder.nodes(prefix + name + "/"))));
            return out;
        }

        private static boolean isIndex(String name) {
            return name.equals("index.md") || name.equalsIgnoreCase("readme.md");
        }
    }
}
