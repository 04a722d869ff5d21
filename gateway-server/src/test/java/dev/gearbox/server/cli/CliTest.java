package dev.gearbox.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.server.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path write(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    private static final String VALID = """
            server: {port: 18080}
            deployments:
              - name: small
                provider: simulator
                model: small-model
              - name: big
                provider: openai
                base_url: https://api.example.com/v1
                api_key: sk-test-secret
                model: big-model
            tiers:
              fast: {deployments: [small]}
              frontier: {deployments: [big]}
            routing: {default_tier: fast}
            """;

    private static final String BROKEN = """
            server: {port: 99999}
            deployments:
              - name: big
                provider: openai
                api_key: sk-very-secret
                model: big-model
            tiers:
              fast: {deployments: [missing]}
            """;

    @Test
    void validateSummarisesAValidConfig() throws IOException {
        int code = run("validate", "--config", write("ok.yaml", VALID).toString());

        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString().strip()).isEqualTo("OK: 2 deployments, tiers: fast, frontier, auto: default tier fast");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validatePrintsEveryErrorWithItsPathAndExits2() throws IOException {
        Path file = write("bad.yaml", BROKEN);

        int code = run("validate", "--config", file.toString());

        assertThat(code).isEqualTo(2);
        String printed = err.toString();
        assertThat(printed).startsWith("invalid configuration " + file);
        assertThat(printed.lines().skip(1)).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line).matches("^[a-z_\\[\\]0-9.]+: .+"));
        assertThat(printed).contains("server.port: ", "deployments[0].base_url: ", "tiers.fast.deployments[0]: ");
        assertThat(printed).doesNotContain("sk-very-secret", "Exception", "\tat ");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void validateReportsAMissingFile() {
        int code = run("validate", "--config", dir.resolve("nope.yaml").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("nope.yaml: file not found");
    }

    @Test
    void validateRequiresTheConfigOption() {
        int code = run("validate");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required option: '--config=FILE'");
    }

    @Test
    void serveWithABadConfigPrintsEveryErrorAndExits2WithoutStarting() throws IOException {
        int code = run("serve", "--config", write("bad.yaml", BROKEN).toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("server.port: ", "tiers.fast.deployments[0]: ").doesNotContain("\tat ");
    }

    @Test
    void withoutACommandItServesPassingTheOptionsOn() throws IOException {
        int code = run("--config", write("bad.yaml", BROKEN).toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("invalid configuration ", "server.port: ");
    }

    @Test
    void serveRejectsAPortOutOfRange() {
        assertThat(run("serve", "--port", "70000")).isEqualTo(2);
        assertThat(err.toString()).contains("--port: must be between 0 and 65535");
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("serve", "validate");

        out.getBuffer().setLength(0);
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("gearbox ");
    }
}
