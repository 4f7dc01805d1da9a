package io.kerberus.techdocs.plugin.mkdocs;

import java.util.List;

/**
 * One entry of mkdocs.yml's {@code nav}: a page ({@code Setup: guide/setup.md} or a bare
 * {@code guide/setup.md}), an external link ({@code Blog: https://...}) or a section with children.
 *
 * @param title    the title given in the nav, or null for a bare page (the page's own title is used)
 * @param target   the docs-relative page path or the URL; null for a section
 * @param children the entries of a section; empty otherwise
 * @param line     the line in mkdocs.yml, for warnings
 */
public record NavEntry(String title, String target, List<NavEntry> children, int line) {

    public NavEntry {
        children = List.copyOf(children);
    }

    public boolean isSection() {
        return target == null;
    }

    /** Whether the target leaves the site (http, https, mailto, or an absolute path). */
    public boolean isExternal() {
        return target != null && (target.matches("(?i)^[a-z][a-z0-9+.-]*:.*") || target.startsWith("/"));
    }
}
