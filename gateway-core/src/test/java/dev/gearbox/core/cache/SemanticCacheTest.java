package dev.gearbox.core.cache;

import static dev.gearbox.core.cache.CacheTesting.cached;
import static dev.gearbox.core.cache.CacheTesting.near;
import static dev.gearbox.core.cache.CacheTesting.unit;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.SemanticCacheConfig;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SemanticCacheTest {
    private static final int DIM = 384;
    private static final SemanticScope SCOPE = new SemanticScope("t1", "auto", "i", "h");
    private final CacheTesting.SettableTicker ticker = new CacheTesting.SettableTicker();
    private final Random random = new Random(7);

    private SemanticCache cache(int maxEntries) {
        return new SemanticCache(new SemanticCacheConfig(true, 0.9, maxEntries, 1L << 30, Duration.ofMinutes(10), 0.3),
                DIM, ticker);
    }

    @Test
    void aCloseEnoughPromptInTheSameScopeHits() {
        SemanticCache cache = cache(100);
        float[] v = unit(random, DIM);
        cache.store(SCOPE, PromptEmbedding.whole(v), "What is the capital of France?", cached("Paris."));

        assertThat(cache.lookup(SCOPE, PromptEmbedding.whole(near(v, 0.95, random)), "Tell me the capital of France."))
                .hasValueSatisfying(m -> {
                    assertThat(m.answer().response().firstText()).isEqualTo("Paris.");
                    assertThat(m.similarity()).isBetween(0.9, 1.0);
                });
        assertThat(cache.lookup(SCOPE, PromptEmbedding.whole(near(v, 0.8, random)), "Tell me the capital of France.")).isEmpty();
    }

    @Test
    void otherScopesNeverMatch() {
        SemanticCache cache = cache(100);
        float[] v = unit(random, DIM);
        cache.store(SCOPE, PromptEmbedding.whole(v), "hello there", cached("hi"));

        assertThat(cache.lookup(new SemanticScope("t2", "auto", "i", "h"), PromptEmbedding.whole(v), "hello there")).isEmpty();
        assertThat(cache.lookup(new SemanticScope("t1", "fast", "i", "h"), PromptEmbedding.whole(v), "hello there")).isEmpty();
        assertThat(cache.lookup(new SemanticScope("t1", "auto", "other", "h"), PromptEmbedding.whole(v), "hello there")).isEmpty();
        assertThat(cache.lookup(new SemanticScope("t1", "auto", "i", "other"), PromptEmbedding.whole(v), "hello there")).isEmpty();
    }

    @Test
    void theLexicalGuardVetoesANumberChangeEvenAtHighSimilarity() {
        SemanticCache cache = cache(100);
        float[] v = unit(random, DIM);
        cache.store(SCOPE, PromptEmbedding.whole(v), "What is 15% of 200?", cached("30"));

        assertThat(cache.lookup(SCOPE, PromptEmbedding.whole(v), "What is 20% of 200?")).isEmpty();
    }

    @Test
    void aPromptTheEmbedderDidNotReadWholeMatchesOnlyWordForWord() {
        // the embedder read only the two ends: prompts that differ in the middle embed alike
        String start = "Here is a function from our codebase that handles user sessions and tokens for the web app. ";
        String end = " Please review the function above and explain what it does and how it could fail.";
        String stored = start + "def refresh session store token expiry lookup cache invalidate ".repeat(5) + end;
        String otherMiddle = start + "def render template escape html header footer layout widget ".repeat(5) + end;
        float[] v = unit(random, DIM);
        PromptEmbedding partly = new PromptEmbedding(v, false);
        SemanticCache cache = cache(100);
        cache.store(SCOPE, partly, stored, cached("review"));

        assertThat(cache.lookup(SCOPE, partly, otherMiddle)).isEmpty();
        assertThat(cache.lookup(SCOPE, partly, stored.toUpperCase(java.util.Locale.ROOT).replace(".", " !"))).isPresent();
        // a paraphrase the guard would accept is refused when either side was read in part
        cache.store(SCOPE, partly, "What is the capital of France?", cached("Paris."));
        assertThat(cache.lookup(SCOPE, PromptEmbedding.whole(v), "Tell me the capital of France.")).isEmpty();
    }

    @Test
    void entriesExpireAndLeaveTheirScope() {
        SemanticCache cache = cache(100);
        float[] v = unit(random, DIM);
        cache.store(SCOPE, PromptEmbedding.whole(v), "hello", cached("hi"));

        ticker.advance(Duration.ofMinutes(11));
        assertThat(cache.lookup(SCOPE, PromptEmbedding.whole(v), "hello")).isEmpty();
        assertThat(cache.size()).isZero();
        assertThat(cache.scopeCount()).isZero();
    }

    @Test
    void theEntryBoundEvicts() {
        SemanticCache cache = cache(10);
        for (int i = 0; i < 100; i++) {
            cache.store(SCOPE, PromptEmbedding.whole(unit(random, DIM)), "prompt " + i, cached("a"));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void clearsOneTenant() {
        SemanticCache cache = cache(100);
        float[] v = unit(random, DIM);
        SemanticScope other = new SemanticScope("t2", "auto", "i", "h");
        cache.store(SCOPE, PromptEmbedding.whole(v), "hello", cached("hi"));
        cache.store(other, PromptEmbedding.whole(v), "hello", cached("hi"));

        assertThat(cache.clear("t1")).isEqualTo(1);
        assertThat(cache.lookup(SCOPE, PromptEmbedding.whole(v), "hello")).isEmpty();
        assertThat(cache.lookup(other, PromptEmbedding.whole(v), "hello")).isPresent();
    }
}
