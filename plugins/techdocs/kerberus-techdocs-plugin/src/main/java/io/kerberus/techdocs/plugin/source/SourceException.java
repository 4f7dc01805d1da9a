package io.kerberus.techdocs.plugin.source;

/** An entity's docs source cannot be found or read; the message says why and what to change. */
public final class SourceException extends Exception {

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
