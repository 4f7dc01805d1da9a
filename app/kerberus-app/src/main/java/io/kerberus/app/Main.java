package io.kerberus.app;

import io.kerberus.platform.StartupException;
import io.kerberus.plugin.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.kerberus.plugin.CliCommand;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ServiceLoader;

/** The {@code kerberus} command line. */
@Command(name = "kerberus", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Kerberus, a developer portal for the JVM.",
        subcommands = {StartCommand.class, ConfigCommand.class, PermissionCommand.class, AuthCommand.class, TrainCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean verbose;

    public static void main(String[] args) {
        // before any HTTP client is made: lets the proxy keep the caller's Host for changeOrigin: false
        if (System.getProperty("jdk.httpclient.allowRestrictedHeaders") == null) {
            System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        }
        int code = run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        if (code != 0 || !StartCommand.keepsRunning()) {
            System.exit(code);
        }
    }

    /** Runs the command line; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        List<CliCommand> pluginCommands = new ArrayList<>();
        ServiceLoader.load(CliCommand.class).forEach(pluginCommands::add);
        for (CliCommand command : pluginCommands) {
            String[] words = command.name().split(" ");
            if (args.length >= words.length && Arrays.equals(Arrays.copyOf(args, words.length), words)) {
                return runPluginCommand(command, Arrays.asList(args).subList(words.length, args.length), out, err);
            }
        }
        CommandLine commandLine = new CommandLine(new Main());
        StringBuilder footer = new StringBuilder();
        if (!pluginCommands.isEmpty()) {
            footer.append("%nCommands of the bundled plugins:%n");
            pluginCommands.forEach(c -> footer.append(String.format("  %-22s %s%%n", c.name(), c.description())));
        }
        commandLine.getCommandSpec().usageMessage().footer(footer.toString());
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

    private static int runPluginCommand(CliCommand command, List<String> args, PrintWriter out, PrintWriter err) {
        try {
            int code = command.run(args, out, err);
            out.flush();
            err.flush();
            return code;
        } catch (Exception e) {
            err.println("error: " + e.getMessage());
            if (args.contains("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        }
    }

    /** Prints the version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Kerberus " + io.kerberus.platform.ui.Shell.version()};
        }
    }
}
