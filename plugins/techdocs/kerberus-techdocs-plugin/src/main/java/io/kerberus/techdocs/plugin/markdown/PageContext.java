package io.kerberus.techdocs.plugin.markdown;

import java.util.Map;
import java.util.Set;

/**
 * What the renderer knows about the page it renders and its site, to rewrite links and check them.
 *
 * @param sourcePath the page's path in the docs folder, such as {@code guide/setup.md}
 * @param url        the page's URL in the site, relative to the site root, such as {@code guide/setup/}
 * @param pageUrls   every page of the site: source path to URL
 * @param files      the docs folder's other files (images, downloads), by path
 */
public record PageContext(String sourcePath, String url, Map<String, String> pageUrls, Set<String> files) {
}
