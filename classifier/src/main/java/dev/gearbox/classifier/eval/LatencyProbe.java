package dev.gearbox.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.signals.Signals;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures the bundled router's latency (embedding + signals + model, no cache hits) on the
 * arena-hard prompts, a realistic traffic mix: per stage on one thread, then end to end with
 * {@code threads} concurrent callers (latency per call and classifications per second).
 * Usage: {@code LatencyProbe [dataDir] [threads=8] [intraOpThreads=1] [maxTokens=Embedder.DEFAULT_MAX_TOKENS]}; a
 * maxTokens other than the model's is a what-if for timing only (the scores would be skewed).
 */
public final class LatencyProbe {

    private static final int WARMUP = 50;
    /** The gateway's classifier executor size (gateway-server ClassifierServices.CLASSIFIER_THREADS). */
    private static final int GATEWAY_WORKERS = 2;

    private LatencyProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int intraOp = args.length > 2 ? Integer.parseInt(args[2]) : Embedder.DEFAULT_INTRA_OP_THREADS;
        int maxTokens = args.length > 3 ? Integer.parseInt(args[3]) : Embedder.DEFAULT_MAX_TOKENS;
        List<ChatRequest> requests = arenaHard(dataDir);
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        ExecutorService batch = Executors.newSingleThreadExecutor();
        RoutingClassifier classifier;
        try (InputStream in = RoutingClassifier.class.getResourceAsStream(RoutingClassifier.BUNDLED_MODEL)) {
            classifier = new RoutingClassifier(new Embedder(maxTokens, batch, intraOp), ModelCodec.read(in));
        }
        for (int i = 0; i < WARMUP; i++) {
            classifier.strongProbability(ask("warm up " + i + " " + firstText(requests.get(i))));
        }
        double[] total = new double[requests.size()];
        double[] embedding = new double[requests.size()];
        double[] scoring = new double[requests.size()];
        double[] signals = new double[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            long start = System.nanoTime();
            classifier.embedding(requests.get(i));
            long embedded = System.nanoTime();
            classifier.strongProbability(requests.get(i));
            long end = System.nanoTime();
            Signals.of(requests.get(i));
            signals[i] = (System.nanoTime() - end) / 1e6;
            embedding[i] = (embedded - start) / 1e6;
            scoring[i] = (end - embedded) / 1e6;
            total[i] = (end - start) / 1e6;
        }
        System.gc();
        long heapAfter = rt.totalMemory() - rt.freeMemory();
        System.out.printf("%d requests, input cut to %d tokens, %d ONNX thread(s) per call; heap retained ~%d MB%n",
                requests.size(), maxTokens, intraOp, (heapAfter - heapBefore) >> 20);
        System.out.println("one caller:");
        print("total", total);
        print("embedding", embedding);
        print("signals+model", scoring);
        print("signals alone", signals);
        concurrent(requests, threads, intraOp, maxTokens, 0);
        concurrent(requests, threads, intraOp, maxTokens, GATEWAY_WORKERS);
        batch.shutdownNow();
    }

    /**
     * A fresh classifier (cold embedding cache) called by {@code threads} threads over every prompt;
     * with {@code workers > 0} the callers hand each classification to that many worker threads and
     * wait, as the gateway's requests do with its classifier executor.
     */
    private static void concurrent(List<ChatRequest> requests, int threads, int intraOp, int maxTokens, int workers)
            throws Exception {
        ExecutorService batch = Executors.newSingleThreadExecutor();
        ExecutorService callers = Executors.newFixedThreadPool(threads);
        ExecutorService pool = workers > 0 ? Executors.newFixedThreadPool(workers) : null;
        try (InputStream in = RoutingClassifier.class.getResourceAsStream(RoutingClassifier.BUNDLED_MODEL)) {
            RoutingClassifier classifier = new RoutingClassifier(new Embedder(maxTokens, batch, intraOp), ModelCodec.read(in));
            for (int i = 0; i < WARMUP; i++) {
                classifier.strongProbability(ask("warm up again " + i));
            }
            double[] latency = new double[requests.size()];
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(callers.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        long s = System.nanoTime();
                        ChatRequest request = requests.get(i);
                        if (pool == null) {
                            classifier.strongProbability(request);
                        } else {
                            pool.submit(() -> classifier.strongProbability(request)).get();
                        }
                        latency[i] = (System.nanoTime() - s) / 1e6;
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d concurrent callers%s: %.0f classifications/s%n", threads,
                    pool == null ? ", each classifying on its own thread" : " through " + workers + " worker threads (the gateway's classifier executor)",
                    requests.size() / seconds);
            print("total", latency);
        } finally {
            callers.shutdownNow();
            batch.shutdownNow();
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    private static String firstText(ChatRequest request) {
        return request.messages().get(0).text();
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, text)));
    }

    private static List<ChatRequest> arenaHard(Path dataDir) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        List<ChatRequest> requests = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("prompts/arena_hard.jsonl"))) {
            JsonNode first = mapper.readTree(line).path("messages").path(0);
            requests.add(ask(first.path("content").asText()));
        }
        return requests;
    }

    private static void print(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("  %-14s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", what,
                pct(sorted, 0.5), pct(sorted, 0.9), pct(sorted, 0.99), sorted[sorted.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
