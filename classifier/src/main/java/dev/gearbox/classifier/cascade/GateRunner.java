package dev.gearbox.classifier.cascade;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.Progress;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ToDoubleBiFunction;

/**
 * Runs a quality gate offline on labeled rows: each row's conversation is the request and its
 * recorded weak answer the cheap response ({@link OfflineAnswer}, finish reason {@code stop}).
 * Rows are checked in chunks so an asynchronous gate runs on its own executor while the caller
 * waits (an offline tool, never an event loop) and hears progress per chunk.
 */
public final class GateRunner {

    private static final int CHUNK = 32;

    private GateRunner() {
    }

    /** The gate's on/off scores: 1 where it escalated, 0 where it accepted or abstained. */
    public static GateScores onOff(QualityGate gate, List<RoutingRow> rows, Progress progress) {
        boolean[] escalated = new boolean[rows.size()];
        progress.advanced(0, rows.size());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(rows.size(), from + CHUNK);
            @SuppressWarnings("unchecked")
            CompletableFuture<GateVerdict>[] checks = new CompletableFuture[to - from];
            for (int i = from; i < to; i++) {
                checks[i - from] = check(gate, rows.get(i));
            }
            CompletableFuture.allOf(checks).join();
            for (int i = from; i < to; i++) {
                escalated[i] = checks[i - from].join() instanceof GateVerdict.Escalate;
            }
            progress.advanced(to, rows.size());
        }
        return GateScores.onOff(gate.name(), escalated);
    }

    /**
     * A score of every row's cheap answer computed on {@code executor} (e.g. a model that embeds the
     * answer), in row order, with progress per chunk.
     */
    public static double[] scores(List<RoutingRow> rows, ToDoubleBiFunction<ChatRequest, ChatResponse> scorer,
                                  Executor executor, Progress progress) {
        double[] out = new double[rows.size()];
        progress.advanced(0, rows.size());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(rows.size(), from + CHUNK);
            CompletableFuture<?>[] chunk = new CompletableFuture<?>[to - from];
            for (int i = from; i < to; i++) {
                RoutingRow row = rows.get(i);
                int index = i;
                chunk[i - from] = CompletableFuture.runAsync(
                        () -> out[index] = scorer.applyAsDouble(row.request(), cheapAnswer(row)), executor);
            }
            CompletableFuture.allOf(chunk).join();
            progress.advanced(to, rows.size());
        }
        return out;
    }

    /** The row's weak answer as a response from the cheap tier. */
    public static ChatResponse cheapAnswer(RoutingRow row) {
        return OfflineAnswer.of(row.weakAnswer(), "cheap");
    }

    private static CompletableFuture<GateVerdict> check(QualityGate gate, RoutingRow row) {
        try {
            return gate.check(row.request(), cheapAnswer(row))
                    .exceptionally(failure -> new GateVerdict.Abstain(gate.name()));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new GateVerdict.Abstain(gate.name()));
        }
    }
}
