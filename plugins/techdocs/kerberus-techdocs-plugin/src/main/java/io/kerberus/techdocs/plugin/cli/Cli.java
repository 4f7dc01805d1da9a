package io.kerberus.techdocs.plugin.cli;

import io.kerberus.techdocs.plugin.build.BuildListener;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** Runs a picocli command object for a {@link io.kerberus.plugin.CliCommand} and reports progress. */
final class Cli {

    private Cli() {
    }

    /** Parses {@code args} into {@code command} and calls it; usage errors print the usage and exit 2. */
    static int run(Callable<Integer> command, List<String> args, PrintWriter out, PrintWriter err) {
        CommandLine line = new CommandLine(command);
        line.setOut(out);
        line.setErr(err);
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            err.println("error: " + e.getMessage());
            if (args.contains("--verbose")) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        });
        return line.execute(args.toArray(String[]::new));
    }

    /** Log lines to {@code err}; page progress as one updating line on a terminal, every 10% otherwise. */
    static BuildListener progress(PrintWriter err, boolean quiet) {
        boolean terminal = System.console() != null;
        return new BuildListener() {
            private int lastTenth = -1;

            @Override
            public void log(String line) {
                if (!quiet && !line.startsWith("WARNING") && !line.startsWith("Built ")) {
                    err.println(line);
                    err.flush();
                }
            }

            @Override
            public void progress(int done, int total) {
                if (quiet) {
                    return;
                }
                if (terminal) {
                    int width = 30;
                    int filled = total == 0 ? width : done * width / total;
                    err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + total + " pages" + (done == total ? "\n" : ""));
                    err.flush();
                } else {
                    int tenth = total == 0 ? 10 : done * 10 / total;
                    if (tenth != lastTenth) {
                        lastTenth = tenth;
                        err.println("  " + done + "/" + total + " pages");
                        err.flush();
                    }
                }
            }
        };
    }
}
