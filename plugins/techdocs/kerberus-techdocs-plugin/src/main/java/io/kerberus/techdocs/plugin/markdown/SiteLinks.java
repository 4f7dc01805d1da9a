package io.kerberus.techdocs.plugin.markdown;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.html.LinkResolver;
import com.vladsch.flexmark.html.LinkResolverFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverBasicContext;
import com.vladsch.flexmark.html.renderer.ResolvedLink;
import com.vladsch.flexmark.util.ast.Node;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rewrites relative links as MkDocs does: {@code ../guide/setup.md#install} in the docs folder becomes
 * the target page's URL relative to the current page's URL; links to other files are checked and
 * made relative to the page's URL. Broken ones are kept as written and reported.
 */
final class SiteLinks implements LinkResolver {

    static final LinkResolverFactory FACTORY = new LinkResolverFactory() {
        @Override
        public LinkResolver apply(LinkResolverBasicContext context) {
            return new SiteLinks();
        }

        @Override
        public Set<Class<?>> getAfterDependents() {
            return null;
        }

        @Override
        public Set<Class<?>> getBeforeDependents() {
            return null;
        }

        @Override
        public boolean affectsGlobalScope() {
            return false;
        }
    };

    @Override
    public ResolvedLink resolveLink(Node node, LinkResolverBasicContext context, ResolvedLink link) {
        PageState state = PageState.of(context.getDocument());
        if (state == null) {
            return link;
        }
        String rewritten = rewrite(link.getUrl(), node instanceof Image || node instanceof ImageRef, node, state);
        return rewritten == null ? link : link.withUrl(rewritten);
    }

    /** The link's new URL, or null to keep it as written. */
    static String rewrite(String url, boolean image, Node node, PageState state) {
        if (url == null || url.isEmpty() || url.charAt(0) == '#' || url.charAt(0) == '/' || hasScheme(url)) {
            return null;
        }
        int hash = url.indexOf('#');
        String fragment = hash < 0 ? "" : url.substring(hash);
        String beforeHash = hash < 0 ? url : url.substring(0, hash);
        int question = beforeHash.indexOf('?');
        String query = question < 0 ? "" : beforeHash.substring(question);
        String path = decode(question < 0 ? beforeHash : beforeHash.substring(0, question));
        if (path.isEmpty()) {
            return null;
        }
        PageContext context = state.context;
        String resolved = resolve(folderOf(context.sourcePath()), path);
        String target = resolved == null ? null : target(resolved, path, context);
        if (target == null) {
            state.warn(node, image ? "image '" + url + "' does not exist"
                    : isPage(path) || path.endsWith("/") ? "link to '" + url + "' points to no page of the site"
                    : "link to '" + url + "' points to no file of the site");
            return null;
        }
        return relativize(folderOf(pageUrl(context.url())), target).replace(" ", "%20") + query + fragment;
    }

    private static String target(String resolved, String path, PageContext context) {
        if (isPage(path)) {
            return pageUrl(context.pageUrls().get(resolved));
        }
        if (path.endsWith("/") || path.equals(".") || path.endsWith("/.") || path.equals("..") || path.endsWith("/..")) {
            String folder = resolved.isEmpty() || resolved.endsWith("/") ? resolved : resolved + "/";
            String index = context.pageUrls().get(folder + "index.md");
            return pageUrl(index != null ? index : context.pageUrls().get(folder + "README.md"));
        }
        return context.files().contains(resolved) ? resolved : null;
    }

    private static boolean isPage(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        return lower.endsWith(".md") || lower.endsWith(".markdown");
    }

    private static String pageUrl(String url) {
        if (url == null) {
            return null;
        }
        String u = url.startsWith("/") ? url.substring(1) : url;
        return u.equals(".") || u.equals("./") ? "" : u;
    }

    private static boolean hasScheme(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == ':') {
                return i > 0;
            }
            boolean schemeChar = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || i > 0 && (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.');
            if (!schemeChar) {
                return false;
            }
        }
        return false;
    }

    private static String decode(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        try {
            return URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    /** The folder part of a path or URL, with its trailing slash: {@code guide/setup.md} → {@code guide/}. */
    static String folderOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** {@code path} resolved against {@code folder} and normalised; null when it leaves the docs folder. */
    static String resolve(String folder, String path) {
        List<String> parts = new ArrayList<>();
        for (String segment : (folder + path).split("/")) {
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.removeLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        boolean folderTarget = path.endsWith("/") || path.endsWith("/.") || path.equals(".") || path.endsWith("..");
        String joined = String.join("/", parts);
        return folderTarget && !joined.isEmpty() ? joined + "/" : joined;
    }

    /** {@code target} (site-relative) as seen from the site folder {@code fromFolder}: {@code guide/setup/} to {@code guide/other/} → {@code ../other/}. */
    static String relativize(String fromFolder, String target) {
        String[] from = fromFolder.isEmpty() ? new String[0] : fromFolder.split("/");
        String[] to = target.split("/", -1);
        int folders = to.length - 1;
        int common = 0;
        while (common < from.length && common < folders && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        out.append("../".repeat(from.length - common));
        for (int i = common; i < folders; i++) {
            out.append(to[i]).append('/');
        }
        out.append(to[folders]);
        return out.isEmpty() ? "./" : out.toString();
    }
}
