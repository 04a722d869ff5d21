package dev.gearbox.classifier.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.classifier.data.RoutingDataReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The embedder tokenizes only a window at each end of a long text. On every shared prompt and
 * recorded answer, its model input must be exactly what tokenizing the whole text and keeping the
 * first and last pieces gives: otherwise served embeddings would drift from the trained ones.
 */
class WindowedTokenizationOnSharedDataTest {

    @Test
    void windowsGiveTheWholeTextsPiecesOnEverySharedText() throws IOException {
        Path dir = RoutingDataReader.dataDir();
        assumeTrue(Files.isDirectory(dir.resolve("routing")), "shared data not found at " + dir.toAbsolutePath());
        List<String> texts = texts(dir);
        Embedder embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run);
        List<String> differing = new ArrayList<>();
        try (InputStream json = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-q-tokenizer.json");
                HuggingFaceTokenizer whole = HuggingFaceTokenizer.newInstance(json,
                        Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "true"))) {
            for (String text : texts) {
                if (!Arrays.equals(embedder.inputIds(text), headAndTail(whole.encode(text).getIds(), Embedder.DEFAULT_MAX_TOKENS))) {
                    differing.add(text.substring(0, Math.min(60, text.length())));
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(13_000);
        assertThat(differing).isEmpty();
    }

    /** [CLS] + the first and last pieces within the bound + [SEP], from a whole-text encoding with both. */
    private static long[] headAndTail(long[] all, int bound) {
        if (all.length <= bound) {
            return all;
        }
        int pieces = bound - 2;
        int head = (pieces + 1) / 2;
        int tail = pieces - head;
        long[] out = new long[bound];
        out[0] = all[0];
        System.arraycopy(all, 1, out, 1, head);
        System.arraycopy(all, all.length - 1 - tail, out, 1 + head, tail);
        out[bound - 1] = all[all.length - 1];
        return out;
    }

    private static List<String> texts(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String file : List.of("routing/mmlu.train.jsonl", "routing/gsm8k.train.jsonl",
                "routing/arena_bench_v1.jsonl", "prompts/arena_hard.jsonl")) {
            for (String line : Files.readAllLines(dir.resolve(file))) {
                JsonNode row = json.readTree(line);
                texts.add(row.path("messages").path(0).path("content").asText());
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
