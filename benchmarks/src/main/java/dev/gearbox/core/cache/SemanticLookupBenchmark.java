package dev.gearbox.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.gearbox.config.SemanticCacheConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Semantic cache lookup latency ({@link SemanticCache#lookup}: index search, expiry check and lexical
 * guard) with {@code entries} 384-dimension unit vectors in ONE scope, the worst case. {@code index}
 * {@code scan} forces the exact scan at every size, {@code auto} is what the gateway runs (scan below
 * {@link ScopeIndex#DEFAULT_GRAPH_FROM} entries, the jvector graph from there). Each query is a stored
 * vector moved to cosine 0.95 (a hit). Lives in the cache's package to reach the scan-only switch.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SemanticLookupBenchmark -prof gc</pre>
 * Sample mode reports p50/p99 per combination.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class SemanticLookupBenchmark {
    private static final int DIMENSION = 384;
    private static final int QUERIES = 1024;
    private static final SemanticScope SCOPE = new SemanticScope("tenant", "auto", "instructions", "history");

    @Param({"1000", "10000", "100000"})
    public int entries;

    @Param({"auto", "scan"})
    public String index;

    private SemanticCache cache;
    private PromptEmbedding[] queries;
    private String[] prompts;
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        Random random = new Random(42);
        int graphFrom = index.equals("scan") ? Integer.MAX_VALUE : ScopeIndex.DEFAULT_GRAPH_FROM;
        cache = new SemanticCache(new SemanticCacheConfig(true, 0.92, entries, 1L << 40, Duration.ofDays(1), 0.3),
                DIMENSION, Ticker.systemTicker(), graphFrom);
        CachedAnswer answer = CachedAnswer.of(new ChatResponse("id", 0, "m", List.of(), null, null, Map.of()), Tier.FAST, "d");
        float[][] stored = new float[entries][];
        for (int i = 0; i < entries; i++) {
            stored[i] = unit(random);
            cache.store(SCOPE, PromptEmbedding.whole(stored[i]), "prompt number " + i, answer);
        }
        queries = new PromptEmbedding[QUERIES];
        prompts = new String[QUERIES];
        for (int q = 0; q < QUERIES; q++) {
            int target = random.nextInt(entries);
            queries[q] = PromptEmbedding.whole(near(stored[target], 0.95, random));
            prompts[q] = "prompt number " + target;
        }
    }

    @Benchmark
    public Optional<SemanticMatch> lookup() {
        int q = next++ & (QUERIES - 1);
        return cache.lookup(SCOPE, queries[q], prompts[q]);
    }

    private static float[] unit(Random random) {
        float[] v = new float[DIMENSION];
        double norm = 0;
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < DIMENSION; i++) {
            v[i] *= inverse;
        }
        return v;
    }

    private static float[] near(float[] base, double cosine, Random random) {
        float[] noise = unit(random);
        double sin = Math.sqrt(1 - cosine * cosine);
        float[] v = new float[DIMENSION];
        for (int i = 0; i < DIMENSION; i++) {
            v[i] = (float) (cosine * base[i] + sin * noise[i]);
        }
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        for (int i = 0; i < DIMENSION; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}
