package dev.gearbox.classifier.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every non-blank text in the shared data: each message of each row and prompt, and each recorded answer. */
public final class SharedTexts {
    private static final List<String> FILES = List.of("routing/mmlu.train.jsonl", "routing/gsm8k.train.jsonl",
            "routing/arena_bench_v1.jsonl", "prompts/arena_hard.jsonl");

    private SharedTexts() {
    }

    /** The texts, or the test is skipped when the shared data is not beside the checkout. */
    public static List<String> allOrSkip() throws IOException {
        Path dir = RoutingDataReader.dataDir();
        assumeTrue(Files.isDirectory(dir.resolve("routing")), "shared data not found at " + dir.toAbsolutePath());
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String file : FILES) {
            for (String line : Files.readAllLines(dir.resolve(file))) {
                JsonNode row = json.readTree(line);
                for (JsonNode message : row.path("messages")) {
                    texts.add(message.path("content").asText());
                }
                for (String answer : List.of("weak_answer", "strong_answer")) {
                    if (row.hasNonNull(answer)) {
                        texts.add(row.get(answer).asText());
                    }
                }
            }
        }
        texts.removeIf(String::isBlank);
        return texts;
    }
}
