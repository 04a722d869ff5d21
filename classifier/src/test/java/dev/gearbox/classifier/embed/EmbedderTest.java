package dev.gearbox.classifier.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbedderTest {

    private static ExecutorService executor;
    private static Embedder embedder;

    @BeforeAll
    static void load() {
        executor = Executors.newFixedThreadPool(2);
        embedder = new Embedder(64, executor);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    @Test
    void vectorsAreNormalizedAndMeaningful() {
        float[] cat = embedder.embed("The cat sat on the mat.");
        float[] kitten = embedder.embed("A kitten is sitting on a rug.");
        float[] tax = embedder.embed("How do I file my quarterly corporate taxes?");
        assertThat(cat).hasSize(Embedder.DIMENSION);
        assertThat(dot(cat, cat)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(dot(cat, kitten)).isGreaterThan(dot(cat, tax));
    }

    @Test
    void batchMatchesSingleAndBlankIsZero() {
        List<float[]> batch = embedder.embedAll(List.of("The cat sat on the mat.", " "));
        float[] single = embedder.embed("The cat sat on the mat.");
        assertThat(dot(batch.get(0), single)).isGreaterThan(0.9999);
        assertThat(dot(batch.get(1), batch.get(1))).isZero();
    }

    @Test
    void longInputIsBoundedAndKeyedByContent() {
        String longText = "Question: " + "words ".repeat(400) + "What is the answer?";
        long[] ids = embedder.inputIds(longText);
        long[] question = embedder.inputIds("What is the answer?");
        assertThat(ids).hasSize(64);
        // [CLS] question ... and the end of the text, then [SEP]: start and end both kept
        assertThat(ids[0]).isEqualTo(question[0]);
        assertThat(Arrays.copyOfRange(ids, ids.length - question.length + 1, ids.length))
                .containsExactly(Arrays.copyOfRange(question, 1, question.length));
        assertThat(embedder.embed(longText)).isNotEqualTo(embedder.embed("Question: " + "words ".repeat(400)));
        assertThat(embedder.cacheKey("a")).isEqualTo(embedder.cacheKey("a")).isNotEqualTo(embedder.cacheKey("b"));
    }

    @Test
    void concurrentCallersGetTheVectorsOfSequentialOnes() throws Exception {
        List<String> texts = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Request " + i + ": " + "explain how tokenizers split words into pieces ".repeat(1 + i % 7));
        }
        List<float[]> sequential = texts.stream().map(embedder::embed).toList();
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<float[]>> running = new java.util.ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (String t : texts) {
                    running.add(callers.submit(() -> embedder.embed(t)));
                }
            }
            for (int i = 0; i < running.size(); i++) {
                assertThat(running.get(i).get()).containsExactly(sequential.get(i % texts.size()));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void cacheStoresAndReadsBack(@TempDir Path dir) {
        Path file = dir.resolve("emb.bin");
        EmbeddingCache cache = EmbeddingCache.open(file);
        List<float[]> first = cache.embedAll(List.of("alpha beta", "gamma delta", "alpha beta"), embedder);
        assertThat(cache.size()).isEqualTo(2);
        EmbeddingCache reopened = EmbeddingCache.open(file);
        assertThat(reopened.size()).isEqualTo(2);
        List<float[]> again = reopened.embedAll(List.of("gamma delta"), embedder);
        assertThat(again.get(0)).containsExactly(first.get(1));
    }
}
