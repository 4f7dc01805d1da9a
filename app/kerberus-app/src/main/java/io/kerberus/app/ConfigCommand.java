package io.kerberus.app;

import io.kerberus.platform.Backend;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.platform.plugins.PluginSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code kerberus config ...}: config tools. */
@Command(name = "config", description = "Check and show the merged config.",
        subcommands = {ConfigCommand.Check.class, CommandLine.HelpCommand.class})
final class ConfigCommand {

    /** {@code kerberus config check}: loads the config as {@code start} would, reports every problem and prints it masked. */
    @Command(name = "check", description = "Validate the merged config like start would, and print it with secrets masked. Exit code 1 on any error.")
    static final class Check implements Callable<Integer> {

        @Mixin
        ConfigOptions config = new ConfigOptions();

        @CommandLine.Option(names = "--quiet", description = "Print only problems, not the merged config.")
        boolean quiet;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path workDir = Path.of("").toAbsolutePath();
            LoadedConfig loaded = config.load(workDir);
            Backend.Prepared prepared = Backend.prepare(loaded, PluginSet.discover(loaded), null);
            prepared.keys().warnings().forEach(warning -> err.println("warning: " + warning));
            if (!prepared.keys().errors().isEmpty()) {
                prepared.keys().errors().forEach(error -> err.println("error: " + error));
                err.flush();
                return 1;
            }
            if (!quiet) {
                out.println("# merged from: " + String.join(", ", loaded.sources()));
                out.print(loaded.toMaskedYaml());
            }
            out.println("# config OK: plugins " + prepared.host().pluginIds() + ", database " + prepared.settings().database().describe());
            out.flush();
            return 0;
        }
    }
}
