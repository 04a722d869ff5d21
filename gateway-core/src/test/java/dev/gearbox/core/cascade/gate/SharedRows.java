package dev.gearbox.core.cascade.gate;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real rows from the shared routing data ({@code gsm8k.train.jsonl}, {@code arena_bench_v1.jsonl}):
 * the prompt, the weak and strong models' answers and their scores. The folder is the
 * {@code gearbox.data.dir} property (set by the pom), else the nearest {@code shared/data} above the
 * working directory; tests that need it are skipped, with the reason, when it is absent.
 */
final class SharedRows {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    record Row(String id, String prompt, String weakAnswer, double weakScore, String strongAnswer, double strongScore) {
    }

    private SharedRows() {
    }

    static List<Row> gsm8k() {
        return read("gsm8k.train.jsonl");
    }

    static List<Row> arena() {
        return read("arena_bench_v1.jsonl");
    }

    static Row byId(List<Row> rows, String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + id));
    }

    private static List<Row> read(String file) {
        Path path = dataDir().resolve("routing").resolve(file);
        assumeTrue(Files.isRegularFile(path), "shared data not found at " + path.toAbsolutePath()
                + " (set -Dgearbox.data.dir); skipping");
        List<Row> rows = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(path)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = MAPPER.readTree(line);
                rows.add(new Row(n.path("id").asText(), n.path("messages").path(0).path("content").asText(),
                        n.path("weak_answer").asText(""), n.path("weak_score").asDouble(),
                        n.path("strong_answer").asText(""), n.path("strong_score").asDouble()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static Path dataDir() {
        String configured = System.getProperty("gearbox.data.dir");
        if (configured != null && Files.isDirectory(Path.of(configured, "routing"))) {
            return Path.of(configured);
        }
        // A git worktree may sit deeper than the main checkout: look upwards for shared/data.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/data");
            if (Files.isDirectory(candidate.resolve("routing"))) {
                return candidate;
            }
        }
        return Path.of(configured == null ? "../shared/data" : configured);
    }
}
