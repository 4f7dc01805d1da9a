package io.kerberus.techdocs.plugin.build;

/** A build that cannot produce a site at all: no mkdocs.yml, invalid YAML, no docs folder. The message says what to fix. */
public final class BuildException extends Exception {

    public BuildException(String message) {
        super(message);
    }

    public BuildException(String message, Throwable cause) {
        super(message, cause);
    }
}
