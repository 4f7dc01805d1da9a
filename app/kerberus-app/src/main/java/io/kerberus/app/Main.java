package io.kerberus.app;

import io.kerberus.platform.StartupException;
import io.kerberus.plugin.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;

/** The {@code kerberus} command line. */
@Command(name = "kerberus", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Kerberus, a developer portal for the JVM.",
        subcommands = {StartCommand.class, ConfigCommand.class, TrainCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    public static void main(String[] args) {
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0 || !StartCommand.keepsRunning()) {
            System.exit(code);
        }
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            boolean verbose = java.util.Arrays.asList(args).contains("--verbose");
            if (e instanceof ConfigException || e instanceof StartupException) {
                err.println("error: " + e.getMessage());
            } else {
                err.println("error: " + e);
            }
            if (verbose) {
                e.printStackTrace(err);
            } else if (!(e instanceof ConfigException || e instanceof StartupException)) {
                err.println("(run with --verbose for the stack trace)");
            }
            err.flush();
            return 1;
        });
        return commandLine.execute(args);
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Kerberus " + io.kerberus.platform.ui.Shell.version()};
        }
    }
}
