package io.kerberus.techdocs.plugin.build;

import java.util.Locale;
import java.util.Set;

/** MkDocs' page URLs with {@code use_directory_urls}: {@code a/b.md} is {@code a/b/}, {@code a/index.md} (or a lone {@code a/README.md}) is {@code a/}. */
final class PageUrls {

    private PageUrls() {
    }

    /** The URL of a docs-relative markdown path, given every markdown path (a README is the index only without an index.md). */
    static String urlOf(String mdPath, Set<String> allPages) {
        String withoutExtension = mdPath.substring(0, mdPath.length() - 3);
        int slash = withoutExtension.lastIndexOf('/');
        String folder = slash < 0 ? "" : withoutExtension.substring(0, slash + 1);
        String name = withoutExtension.substring(slash + 1);
        if (name.equals("index")) {
            return folder;
        }
        if (name.equalsIgnoreCase("readme") && !allPages.contains(folder + "index.md")) {
            return folder;
        }
        return folder + name + "/";
    }

    /** A title from a file name, as MkDocs makes one: {@code setup-guide.md} is {@code Setup guide}. */
    static String titleFromPath(String path) {
        String name = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        name = name.substring(name.lastIndexOf('/') + 1);
        if (name.toLowerCase(Locale.ROOT).endsWith(".md")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.equals("index") || name.isEmpty()) {
            return "Home";
        }
        String words = name.replace('-', ' ').replace('_', ' ').strip();
        return words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** The URL of {@code target} relative to the page at {@code from} (both site-relative, folder URLs). */
    static String relative(String from, String target) {
        String[] fromParts = from.isEmpty() ? new String[0] : from.split("/");
        StringBuilder out = new StringBuilder();
        int common = 0;
        String[] targetParts = target.isEmpty() ? new String[0] : target.split("/");
        while (common < fromParts.length && common < targetParts.length && fromParts[common].equals(targetParts[common])) {
            common++;
        }
        out.append("../".repeat(fromParts.length - common));
        for (int i = common; i < targetParts.length; i++) {
            out.append(targetParts[i]).append(i < targetParts.length - 1 || target.endsWith("/") ? "/" : "");
        }
        return out.isEmpty() ? "./" : out.toString();
    }
}
