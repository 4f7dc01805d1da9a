package io.kerberus.techdocs.plugin.publish;

import java.util.Locale;
import java.util.Map;

/** Content types of the files docs sites hold, by extension. */
public final class ContentTypes {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"), Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"), Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"), Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"), Map.entry("ico", "image/x-icon"), Map.entry("pdf", "application/pdf"),
            Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("md", "text/plain; charset=utf-8"), Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"), Map.entry("xml", "application/xml"), Map.entry("yaml", "text/plain; charset=utf-8"),
            Map.entry("yml", "text/plain; charset=utf-8"), Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("zip", "application/zip"));

    private ContentTypes() {
    }

    /** The content type of a file, {@code application/octet-stream} when unknown. */
    public static String of(String path) {
        int dot = path.lastIndexOf('.');
        String extension = dot < path.lastIndexOf('/') + 1 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
        return TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
