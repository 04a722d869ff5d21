package dev.gearbox.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs {@code promtool check metrics} on a scrape; skips (with how to install it) when promtool is absent. */
final class PromtoolCheck {
    private PromtoolCheck() {
    }

    static void assertValid(String metricsText) throws IOException, InterruptedException {
        Path promtool = find();
        assumeTrue(promtool != null, "promtool is not installed: run bench/promtool.sh (apt-get install prometheus)");
        Path input = Files.createTempFile("gearbox-metrics", ".txt");
        try {
            Files.writeString(input, metricsText, StandardCharsets.UTF_8);
            Process process = new ProcessBuilder(promtool.toString(), "check", "metrics")
                    .redirectInput(input.toFile())
                    .redirectErrorStream(true)
                    .start();
            boolean done = process.waitFor(20, TimeUnit.SECONDS);
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(done).as("promtool finished").isTrue();
            assertThat(process.exitValue()).as("promtool check metrics said:%n%s", output).isZero();
        } finally {
            Files.deleteIfExists(input);
        }
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
