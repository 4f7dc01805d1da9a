package io.kerberus.app;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("kerberus config check (issue #2, bad input)")
class ConfigCheckTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    private Run check(String yaml, String... extraArgs) throws IOException {
        Path file = dir.resolve("app-config.yaml");
        Files.writeString(file, yaml);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[3 + extraArgs.length];
        args[0] = "config";
        args[1] = "check";
        args[2] = "--config=" + file;
        System.arraycopy(extraArgs, 0, args, 3, extraArgs.length);
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsTheMergedConfigWithSecretsMasked() throws IOException {
        Run run = check("""
                app:
                  title: Acme
                backend:
                  database:
                    client: pg
                    connection: {host: db, user: kerberus, password: hunter2, database: portal}
                  auth:
                    externalAccess:
                      - type: static
                        options: {token: abcdefgh12345678, subject: ci}
                """);

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("title: 'Acme'").contains("********").contains("# config OK")
                .doesNotContain("hunter2").doesNotContain("abcdefgh12345678");
    }

    @Test
    void malformedYamlFailsWithFileAndLine() throws IOException {
        Run run = check("app:\n  title: [unclosed\n");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).containsPattern("error: .*app-config.yaml:\\d+: invalid YAML").doesNotContain("\tat ");
    }

    @Test
    void unknownKeysFailWithPathAndSuggestion() throws IOException {
        Run run = check("backend:\n  listen:\n    prot: 7007\n");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("app-config.yaml:3: backend.listen.prot: unknown key; did you mean 'port'?");
    }

    @Test
    void wrongTypesFailWithPathAndExpectation() throws IOException {
        Run run = check("backend:\n  listen:\n    port: seven\n");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("app-config.yaml:3: backend.listen.port: expected a whole number but found a string \"seven\"");
    }

    @Test
    void missingEnvironmentVariablesFailWithTheFix() throws IOException {
        Run run = check("backend:\n  baseUrl: ${KERBERUS_TEST_SURELY_UNSET_VARIABLE}\n");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("app-config.yaml:2: backend.baseUrl: environment variable KERBERUS_TEST_SURELY_UNSET_VARIABLE is not set");
    }

    @Test
    void badValuesFailWithTheKeyPath() throws IOException {
        Run run = check("app:\n  branding:\n    primaryColor: 'red; background: url(x)'\n");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("app-config.yaml:3: app.branding.primaryColor: expected a hex colour");
    }

    @Test
    void guestSignInIsRefusedInProduction() throws IOException {
        Run run = check("app:\n  environment: production\nauth:\n  providers:\n    guest: {}\n");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("auth.providers.guest").contains("production");
    }

    @Test
    void stackTracesOnlyWithVerbose() throws IOException {
        Run quiet = check("backend:\n  database:\n    client: oracle\n");
        Run verbose = check("backend:\n  database:\n    client: oracle\n", "--verbose");

        assertThat(quiet.err()).contains("backend.database.client: expected pg (PostgreSQL) or h2 (embedded)").doesNotContain("\tat ");
        assertThat(verbose.err()).contains("\tat ");
    }

    @Test
    void unknownTopLevelSectionsAreWarningsOnly() throws IOException {
        Run run = check("kubernetes:\n  clusterLocatorMethods: []\n");

        assertThat(run.code()).isZero();
        assertThat(run.err()).contains("warning: ").contains("kubernetes: no installed plugin reads this section");
    }
}
