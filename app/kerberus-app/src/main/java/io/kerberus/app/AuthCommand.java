package io.kerberus.app;

import io.kerberus.platform.Backend;
import io.kerberus.platform.config.LoadedConfig;
import io.kerberus.platform.plugins.PluginSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/** {@code kerberus auth ...}: sessions, for admins. */
@Command(name = "auth", description = "Manage sign-in sessions.",
        subcommands = {AuthCommand.SignOut.class, CommandLine.HelpCommand.class})
final class AuthCommand {

    /**
     * {@code kerberus auth sign-out --user user:default/jane}: starts the backend on the configured
     * database without serving, ends every browser session of the user on every replica (within the
     * few seconds replicas cache sessions), and records it in the audit log. User tokens already
     * handed out stay valid until they expire ({@code auth.backstageTokenExpiration}).
     */
    @Command(name = "sign-out", description = "End every session of a user, on every device (exit 0, also when there was none).")
    static final class SignOut implements Callable<Integer> {

        @Mixin
        ConfigOptions config = new ConfigOptions();

        @Option(names = "--user", required = true, description = "The user, such as user:default/jane.")
        String user;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!user.matches("user:[^/\\s]+/[^/\\s]+")) {
                err.println("error: --user must be a user ref such as user:default/jane; found \"" + user + "\"");
                err.flush();
                return 2;
            }
            LoadedConfig loaded = config.load(Path.of("").toAbsolutePath());
            Backend.Prepared prepared = Backend.prepare(loaded, PluginSet.discover(loaded), null);
            try (Backend backend = Backend.startWithoutServing(prepared, Clock.systemUTC())) {
                int ended = backend.sessionUsers().revoke(user, null, "command line");
                out.println("Ended " + ended + (ended == 1 ? " session" : " sessions") + " of " + user
                        + ". User tokens already issued stay valid until they expire (auth.backstageTokenExpiration).");
                out.flush();
                return 0;
            }
        }
    }
}
