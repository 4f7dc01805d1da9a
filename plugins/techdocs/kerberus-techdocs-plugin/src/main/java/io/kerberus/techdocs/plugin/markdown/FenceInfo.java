package io.kerberus.techdocs.plugin.markdown;

/**
 * The info string of a fenced code block as pymdownx.superfences reads it: {@code java},
 * {@code java title="App.java"}, {@code {.java title="App.java"}}.
 *
 * @param language the language, only letters, digits and {@code +#-_.}; empty when none
 * @param title    the {@code title} option; null when none
 */
record FenceInfo(String language, String title) {

    static FenceInfo parse(String info) {
        String s = info.strip();
        if (s.startsWith("{")) {
            s = s.substring(1, s.endsWith("}") ? s.length() - 1 : s.length()).strip();
        }
        int end = 0;
        while (end < s.length() && !Character.isWhitespace(s.charAt(end))) {
            end++;
        }
        String first = s.substring(0, end);
        String language = first.contains("=") ? "" : clean(first.startsWith(".") ? first.substring(1) : first);
        return new FenceInfo(language, option(s, "title"));
    }

    private static String clean(String language) {
        StringBuilder out = new StringBuilder(language.length());
        for (int i = 0; i < language.length(); i++) {
            char c = language.charAt(i);
            if (Character.isLetterOrDigit(c) || "+#-_.".indexOf(c) >= 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String option(String s, String name) {
        int at = s.indexOf(name + "=");
        while (at > 0 && !Character.isWhitespace(s.charAt(at - 1))) {
            at = s.indexOf(name + "=", at + 1);
        }
        if (at < 0) {
            return null;
        }
        int start = at + name.length() + 1;
        if (start < s.length() && (s.charAt(start) == '"' || s.charAt(start) == '\'')) {
            int close = s.indexOf(s.charAt(start), start + 1);
            return s.substring(start + 1, close < 0 ? s.length() : close);
        }
        int stop = start;
        while (stop < s.length() && !Character.isWhitespace(s.charAt(stop))) {
            stop++;
        }
        return s.substring(start, stop);
    }
}
