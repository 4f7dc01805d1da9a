package io.kerberus.search.plugin.engine;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The Lucene index folder cannot be opened: corrupt, written by an incompatible version, or not a
 * folder. The index holds nothing that collation cannot rebuild, so the caller may clear the folder
 * and start again.
 */
public final class UnreadableIndexException extends IOException {

    private final transient Path folder;

    UnreadableIndexException(Path folder, Throwable cause) {
        super("Cannot open the search index in " + folder.toAbsolutePath() + ": " + cause.getMessage()
                + ". Delete the folder to rebuild the index from scratch.", cause);
        this.folder = folder;
    }

    /** The index folder. */
    public Path folder() {
        return folder;
    }
}
