package dev.gearbox.classifier.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.data.RoutingDataReader;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.signals.Signals;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * Measures the bundled router's latency (embedding + signals + model, no cache hits) on the
 * arena-hard prompts, a realistic traffic mix, single-threaded, and the retained heap.
 * Usage: {@code LatencyProbe [dataDir]}.
 */
public final class LatencyProbe {

    private static final int WARMUP = 50;

    private LatencyProbe() {
    }

    public static void main(String[] args) throws IOException {
        Path dataDir = args.length > 0 ? Path.of(args[0]) : RoutingDataReader.dataDir();
        ObjectMapper mapper = new ObjectMapper();
        List<ChatRequest> requests = new ArrayList<>();
        for (String line : Files.readAllLines(dataDir.resolve("prompts/arena_hard.jsonl"))) {
            JsonNode first = mapper.readTree(line).path("messages").path(0);
            requests.add(ChatRequest.of("auto", List.of(Message.of(Role.USER, first.path("content").asText()))));
        }
        int maxTokens = Embedder.DEFAULT_MAX_TOKENS;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapBefore = rt.totalMemory() - rt.freeMemory();
        RoutingClassifier classifier = RoutingClassifier.bundled(new Embedder(maxTokens,
                Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "embed");
                    t.setDaemon(true);
                    return t;
                })));
        for (int i = 0; i < WARMUP; i++) {
            classifier.strongProbability(requests.get(i).withMessages(List.of(Message.of(Role.USER, "warm up " + i))));
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
        System.out.printf("%d requests, input cut to %d tokens; heap retained ~%d MB%n", requests.size(),
                maxTokens, (heapAfter - heapBefore) >> 20);
        print("total", total);
        print("embedding", embedding);
        print("signals+model", scoring);
        print("signals alone", signals);
    }

    private static void print(String what, double[] millis) {
        Arrays.sort(millis);
        System.out.printf("  %-14s p50 %6.2f ms  p90 %6.2f ms  p99 %6.2f ms  max %7.2f ms%n", what,
                pct(millis, 0.5), pct(millis, 0.9), pct(millis, 0.99), millis[millis.length - 1]);
    }

    private static double pct(double[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))];
    }
}
