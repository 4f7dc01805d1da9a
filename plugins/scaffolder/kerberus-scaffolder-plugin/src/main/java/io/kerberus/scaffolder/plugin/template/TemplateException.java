package io.kerberus.scaffolder.plugin.template;

import io.kerberus.plugin.InputException;

/**
 * A template could not be rendered: a syntax or expression error in a template file or a step
 * input, a filter given bad input, or a path that would leave the workspace. The message names
 * where (file and line, or the input path such as {@code steps.publish.input.repoUrl}) and what
 * was wrong; it never contains the values of secrets.
 */
public class TemplateException extends InputException {

    public TemplateException(String message) {
        super(message);
    }

    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }
}
