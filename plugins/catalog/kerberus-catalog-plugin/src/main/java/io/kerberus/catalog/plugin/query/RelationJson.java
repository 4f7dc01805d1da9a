package io.kerberus.catalog.plugin.query;

/** Writes one relation as Backstage serves it, straight into a JSON buffer. */
final class RelationJson {

    private RelationJson() {
    }

    /** Appends {@code {"type":..,"targetRef":..,"target":{"kind":..,"namespace":..,"name":..}}}. */
    static void append(StringBuilder out, String type, String targetRef) {
        out.append("{\"type\":");
        string(out, type);
        out.append(",\"targetRef\":");
        string(out, targetRef);
        int colon = targetRef.indexOf(':');
        int slash = targetRef.indexOf('/');
        if (colon > 0 && slash > colon) {
            out.append(",\"target\":{\"kind\":");
            string(out, targetRef.substring(0, colon));
            out.append(",\"namespace\":");
            string(out, targetRef.substring(colon + 1, slash));
            out.append(",\"name\":");
            string(out, targetRef.substring(slash + 1));
            out.append('}');
        }
        out.append('}');
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
