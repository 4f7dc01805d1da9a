package io.kerberus.techdocs.plugin.mkdocs;

/** mkdocs.yml cannot be used: the message names the file, the line and what to fix. */
public final class MkdocsException extends RuntimeException {

    public MkdocsException(String message) {
        super(message);
    }
}
