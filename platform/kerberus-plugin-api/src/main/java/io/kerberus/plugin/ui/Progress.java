package io.kerberus.plugin.ui;

/**
 * Progress of long work: a bar when the share done is known, a spinner otherwise.
 *
 * @param percent how much is done, 0 to 100, or -1 when unknown
 * @param label   what is happening
 */
public record Progress(int percent, String label) implements Component {

    public static Progress of(int percent, String label) {
        return new Progress(Math.max(0, Math.min(100, percent)), label);
    }

    public static Progress indeterminate(String label) {
        return new Progress(-1, label);
    }

    @Override
    public Html html() {
        if (percent < 0) {
            return Html.format("<div class=\"progress\" role=\"status\"><span class=\"spinner\" aria-hidden=\"true\"></span><span>{}</span></div>", label);
        }
        return Html.format("<div class=\"progress\"><progress max=\"100\" value=\"{}\" aria-label=\"{}\">{}%</progress><span>{}</span></div>",
                percent, label, percent, label);
    }
}
