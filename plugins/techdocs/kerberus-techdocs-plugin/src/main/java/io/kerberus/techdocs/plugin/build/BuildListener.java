package io.kerberus.techdocs.plugin.build;

/** Hears a build's progress, for the CLI's progress line and the portal's live build page. */
public interface BuildListener {

    /** A log line, such as {@code Rendering 500 pages}. */
    void log(String line);

    /** Pages done so far out of all pages. */
    default void progress(int done, int total) {
    }

    /** A listener that hears nothing. */
    BuildListener NONE = line -> {
    };
}
