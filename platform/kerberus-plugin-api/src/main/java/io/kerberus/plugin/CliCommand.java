package io.kerberus.plugin;

import java.io.PrintWriter;
import java.util.List;

/**
 * A command a plugin adds to the {@code kerberus} command line, such as {@code catalog validate}.
 * Found by {@link java.util.ServiceLoader}: list implementations in
 * {@code META-INF/services/io.kerberus.plugin.CliCommand}. Commands run offline, without starting the
 * backend.
 */
public interface CliCommand {

    /** The words that select the command, such as {@code catalog validate}. */
    String name();

    /** One line for {@code kerberus --help}. */
    String description();

    /**
     * Runs the command.
     *
     * @param args the arguments after the command's words
     * @param out  where results go
     * @param err  where errors go; name the file and line, or the option, that is wrong
     * @return the exit code: 0 for success, 1 when the input has errors, 2 for wrong usage
     */
    int run(List<String> args, PrintWriter out, PrintWriter err) throws Exception;
}
