package dev.gearbox.classifier.bench;

import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.signals.Signals;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmarks of the routing classifier as the gateway calls it: every call embeds a prompt it
 * has not seen (a counter makes each text unique, so the embedding cache never hits) of about
 * {@code words} words, then scores it with the bundled model. Not run by the build; see
 * classifier/EXPERIMENTS.md ("Latency") for the command.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 10)
public class ClassifierBenchmark {

    private static final String[] WORDS = ("explain how a transformer model computes attention over a sequence and why "
            + "the softmax of scaled dot products between queries and keys gives weights that sum to one then "
            + "write a python function that merges two sorted lists in linear time and prove it correct").split(" ");

    /** Prompt length in words (~1.2 word pieces each): 380 words is a prompt near 512 tokens, which the embedder cuts to its first and last 31 pieces. */
    @Param({"40", "380"})
    public int words;

    private ExecutorService batch;
    private RoutingClassifier classifier;
    private RoutingModel model;
    private float[] embedding;
    private double[] signals;
    private final AtomicLong unique = new AtomicLong();

    @Setup(Level.Trial)
    public void load() throws IOException {
        batch = Executors.newSingleThreadExecutor();
        try (InputStream in = RoutingClassifier.class.getResourceAsStream(RoutingClassifier.BUNDLED_MODEL)) {
            model = ModelCodec.read(in);
        }
        classifier = new RoutingClassifier(new Embedder(Embedder.DEFAULT_MAX_TOKENS, batch), model);
        ChatRequest sample = prompt(0);
        embedding = classifier.embedding(sample);
        signals = Signals.of(sample).toFeatures();
    }

    @TearDown(Level.Trial)
    public void stop() {
        batch.shutdownNow();
    }

    private ChatRequest prompt(long n) {
        List<String> text = new ArrayList<>(words + 1);
        text.add("#" + n);
        for (int i = 0; i < words; i++) {
            text.add(WORDS[(int) ((i + n) % WORDS.length)]);
        }
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, String.join(" ", text))));
    }

    /** Embedding plus signals plus model, one caller: the per-request latency the gateway adds. */
    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Threads(1)
    public double classifyOneCaller() {
        return classifier.strongProbability(prompt(unique.incrementAndGet()));
    }

    /** The same with 8 concurrent callers: classifications per second the box sustains. */
    @Benchmark
    @BenchmarkMode({Mode.Throughput})
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public double classifyEightCallers() {
        return classifier.strongProbability(prompt(unique.incrementAndGet()));
    }

    /** Signals and model only, on a fixed embedding: the classifier's share without the embedder. */
    @Benchmark
    @BenchmarkMode({Mode.SampleTime})
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    @Threads(1)
    public double modelOnly() {
        return model.score(embedding, signals);
    }
}
