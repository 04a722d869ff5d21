package dev.gearbox.server.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.DecisionLogConfig;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.core.telemetry.log.LogLine;
import dev.gearbox.testfixtures.SettableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer never blocks (a full queue drops and counts), writes every queued line, and rolls by size and day. */
class DecisionLogWriterTest {
    @TempDir
    Path dir;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-24T23:59:00Z"));

    private DecisionLogConfig config(long maxBytes, int capacity) {
        return new DecisionLogConfig(true, dir, false, maxBytes, capacity);
    }

    private static LogLine line(int i) {
        return new FeedbackLine("req-" + i, "2026-11-24T00:00:00Z", "t", 1.0, null, null);
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        DecisionLogWriter writer = new DecisionLogWriter(config(1_000_000, 2), clock, registry);

        assertThat(writer.offer(line(1))).isTrue();
        assertThat(writer.offer(line(2))).isTrue();
        assertThat(writer.offer(line(3))).isFalse();
        assertThat(count("dropped")).isEqualTo(1);
        assertThat(registry.get("gearbox.decision.log.queue").gauge().value()).isEqualTo(2);

        writer.start();
        writer.close();

        assertThat(lines()).containsExactly(
                "{\"type\":\"feedback\",\"request_id\":\"req-1\",\"time\":\"2026-11-24T00:00:00Z\",\"tenant\":\"t\",\"score\":1.0}",
                "{\"type\":\"feedback\",\"request_id\":\"req-2\",\"time\":\"2026-11-24T00:00:00Z\",\"tenant\":\"t\",\"score\":1.0}");
        assertThat(count("written")).isEqualTo(2);
        assertThat(writer.offer(line(4))).as("closed").isFalse();
        assertThat(count("dropped")).isEqualTo(2);
    }

    @Test
    void rollsToANewFileWhenTheSizeLimitWouldBePassed() throws Exception {
        int lineBytes = (new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(line(1)) + "\n").length();
        DecisionLogWriter writer = new DecisionLogWriter(config(2L * lineBytes, 100), clock, registry);
        for (int i = 1; i <= 5; i++) {
            writer.offer(line(i));
        }
        writer.close();

        assertThat(files()).containsExactly("decisions-2026-11-24.0.jsonl", "decisions-2026-11-24.1.jsonl",
                "decisions-2026-11-24.2.jsonl");
        assertThat(Files.readAllLines(dir.resolve("decisions-2026-11-24.2.jsonl"))).hasSize(1);
    }

    @Test
    void rollsAtUtcMidnightAndARestartContinuesTheNewestFile() throws Exception {
        RotatingLogFile file = new RotatingLogFile(dir, 1_000, clock);
        file.append("{\"a\":1}");
        clock.advance(Duration.ofMinutes(2));
        file.append("{\"b\":2}");
        file.close();
        RotatingLogFile restarted = new RotatingLogFile(dir, 1_000, clock);
        restarted.append("{\"c\":3}");
        restarted.close();

        assertThat(files()).containsExactly("decisions-2026-11-24.0.jsonl", "decisions-2026-11-25.0.jsonl");
        assertThat(Files.readAllLines(dir.resolve("decisions-2026-11-25.0.jsonl"))).containsExactly(
                "{\"b\":2}", "{\"c\":3}");
        assertThat(restarted.current()).isEqualTo(dir.resolve("decisions-2026-11-25.0.jsonl"));
    }

    @Test
    void theFolderIsCreatedWhenMissing() throws Exception {
        Path nested = dir.resolve("a/b");
        DecisionLogWriter writer = DecisionLogWriter.start(new DecisionLogConfig(true, nested, false, 1_000, 10),
                clock, registry);
        writer.offer(line(1));
        writer.close();

        assertThat(Files.readAllLines(nested.resolve("decisions-2026-11-24.0.jsonl"))).hasSize(1);
    }

    private double count(String result) {
        return registry.get("gearbox.decision.log.lines").tag("result", result).counter().count();
    }

    private List<String> lines() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().flatMap(p -> {
                try {
                    return Files.readAllLines(p).stream();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
