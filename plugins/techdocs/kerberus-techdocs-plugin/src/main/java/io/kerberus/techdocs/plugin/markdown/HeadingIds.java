package io.kerberus.techdocs.plugin.markdown;

import java.text.Normalizer;
import java.util.Set;

/** Heading anchors as Python-Markdown's toc extension makes them. */
final class HeadingIds {

    private HeadingIds() {
    }

    /** toc's default slugify: ASCII-folded, lowercase, only word characters, spaces and hyphens, runs of those joined by one hyphen. */
    static String slugify(String text, String separator) {
        String folded = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(folded.length());
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || Character.isWhitespace(c))) {
                kept.append(Character.toLowerCase(c));
            }
        }
        String trimmed = kept.toString().strip();
        StringBuilder slug = new StringBuilder(trimmed.length());
        boolean inRun = false;
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c == '-' || Character.isWhitespace(c)) {
                if (!inRun) {
                    slug.append(separator);
                }
                inRun = true;
            } else {
                slug.append(c);
                inRun = false;
            }
        }
        return slug.toString();
    }

    /** Makes {@code id} unique among {@code used} the way toc does ({@code a}, {@code a_1}, {@code a_2}) and records it. */
    static String unique(String id, Set<String> used) {
        String candidate = id;
        while (candidate.isEmpty() || used.contains(candidate)) {
            int underscore = candidate.lastIndexOf('_');
            if (underscore >= 0 && underscore < candidate.length() - 1 && isDigits(candidate, underscore + 1)) {
                candidate = candidate.substring(0, underscore) + "_" + (Integer.parseInt(candidate.substring(underscore + 1)) + 1);
            } else {
                candidate = candidate + "_1";
            }
        }
        used.add(candidate);
        return candidate;
    }

    private static boolean isDigits(String s, int from) {
        if (s.length() - from > 9) {
            return false;
        }
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
