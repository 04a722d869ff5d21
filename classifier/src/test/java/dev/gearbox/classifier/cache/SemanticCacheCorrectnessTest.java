package dev.gearbox.classifier.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.gearbox.classifier.ConversationEmbeddings;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.config.SemanticCacheConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.cache.CachedAnswer;
import dev.gearbox.core.cache.LexicalGuard;
import dev.gearbox.core.cache.PromptEmbedding;
import dev.gearbox.core.cache.SemanticCache;
import dev.gearbox.core.cache.SemanticScope;
import dev.gearbox.core.model.ChatResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The semantic cache's correctness set ({@code semantic-cache/pairs.jsonl}): paraphrases of real
 * arena-hard prompts and hand-made ones that must hit, and near-misses that must not (negations,
 * other numbers, dates, names, units, swapped comparisons, reordered words). Runs the real embedder
 * and the real cache at the configured default threshold; a false hit on a negation or number
 * change fails the build. Writes precision and recall per threshold to
 * {@code target/semantic-cache-correctness.txt} (the numbers in docs/caches.md).
 */
class SemanticCacheCorrectnessTest {
    private static final double THRESHOLD = SemanticCacheConfig.DEFAULT_THRESHOLD;
    private static final Set<String> NEVER_WRONG = Set.of("negation", "number");
    private static List<Pair> pairs;

    @BeforeAll
    static void embed() throws IOException {
        ConversationEmbeddings embeddings = new ConversationEmbeddings(new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run));
        ObjectMapper json = new ObjectMapper();
        pairs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                SemanticCacheCorrectnessTest.class.getResourceAsStream("/semantic-cache/pairs.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode row = json.readTree(line);
                String stored = row.get("stored").asText();
                String asked = row.get("asked").asText();
                pairs.add(new Pair(row.get("kind").asText(), row.get("expect").asText().equals("hit"), stored, asked,
                        embeddings.embedding(stored), embeddings.embedding(asked)));
            }
        }
    }

    @Test
    void atTheDefaultThresholdNoNearMissHitsAndMostParaphrasesDo() {
        List<String> falseHits = new ArrayList<>();
        int truePositives = 0;
        int positives = 0;
        for (int i = 0; i < pairs.size(); i++) {
            Pair p = pairs.get(i);
            boolean hit = cacheHits(p, i);
            if (p.mustHit()) {
                positives++;
                truePositives += hit ? 1 : 0;
            } else if (hit) {
                falseHits.add(p.kind() + ": '" + p.stored() + "' answered '" + p.asked() + "'");
            }
        }
        double recall = (double) truePositives / positives;
        assertThat(falseHits).as("false hits (any negation or number change must never hit)")
                .noneMatch(f -> NEVER_WRONG.stream().anyMatch(k -> f.startsWith(k + ":")));
        assertThat(falseHits).as("false hits").isEmpty();
        assertThat(recall).as("recall of paraphrases at threshold " + THRESHOLD).isGreaterThanOrEqualTo(0.75);
    }

    @Test
    void writesPrecisionAndRecallPerThreshold() throws IOException {
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "pairs: %d (%d must hit, %d must not)%n%-9s %-26s %-26s%n", pairs.size(),
                pairs.stream().filter(Pair::mustHit).count(), pairs.stream().filter(p -> !p.mustHit()).count(),
                "threshold", "embedding only (P / R)", "with lexical guard (P / R)"));
        LexicalGuard guard = new LexicalGuard();
        for (int t = 80; t <= 97; t++) {
            double threshold = t / 100.0;
            int[] plain = new int[3];
            int[] guarded = new int[3];
            for (Pair p : pairs) {
                boolean near = p.similarity() >= threshold;
                count(plain, p.mustHit(), near);
                count(guarded, p.mustHit(), near && p.guardAgrees(guard));
            }
            report.append(String.format(Locale.ROOT, "%-9.2f %-26s %-26s%n", threshold, format(plain), format(guarded)));
        }
        report.append(String.format(Locale.ROOT, "%nper pair (cosine, kind, expect, guard):%n"));
        for (Pair p : pairs) {
            report.append(String.format(Locale.ROOT, "%.3f %-10s %-4s %-5s %s | %s%n", p.similarity(), p.kind(),
                    p.mustHit() ? "hit" : "miss", p.guardAgrees(guard), p.stored(), p.asked()));
        }
        Path out = Path.of("target", "semantic-cache-correctness.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        assertThat(out).exists();
    }

    /** Stores the first prompt in a fresh scope and asks the second, through the real semantic cache. */
    private static boolean cacheHits(Pair p, int index) {
        SemanticCache cache = new SemanticCache(new SemanticCacheConfig(true, THRESHOLD, 100, 1 << 20,
                Duration.ofHours(1), 0.3), Embedder.DIMENSION, Ticker.systemTicker());
        SemanticScope scope = new SemanticScope("tenant", "auto", "pair-" + index, "");
        cache.store(scope, p.storedEmbedding(), p.stored(), CachedAnswer.of(
                new ChatResponse("id", 0, "m", List.of(), null, null, Map.of()), Tier.FAST, "d"));
        return cache.lookup(scope, p.askedEmbedding(), p.asked()).isPresent();
    }

    /** counts: [true positives, false positives, positives] */
    private static void count(int[] counts, boolean mustHit, boolean hit) {
        if (mustHit) {
            counts[2]++;
            counts[0] += hit ? 1 : 0;
        } else {
            counts[1] += hit ? 1 : 0;
        }
    }

    private static String format(int[] c) {
        double precision = c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]);
        return String.format(Locale.ROOT, "%.3f / %.3f (FP %d)", precision, (double) c[0] / c[2], c[1]);
    }

    private record Pair(String kind, boolean mustHit, String stored, String asked, PromptEmbedding storedEmbedding,
                        PromptEmbedding askedEmbedding) {
        /** The guard's verdict as the cache asks it: given whether the embedder read each prompt whole. */
        boolean guardAgrees(LexicalGuard guard) {
            return guard.agree(stored, storedEmbedding.whole(), asked, askedEmbedding.whole());
        }

        double similarity() {
            float[] storedVector = storedEmbedding.vector();
            float[] askedVector = askedEmbedding.vector();
            double s = 0;
            for (int i = 0; i < storedVector.length; i++) {
                s += storedVector[i] * askedVector[i];
            }
            return s;
        }
    }
}
