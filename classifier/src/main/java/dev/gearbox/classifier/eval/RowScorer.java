package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.embed.Progress;
import dev.gearbox.core.model.ChatRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.ToDoubleFunction;

/**
 * Scores routing rows with a {@link RoutingClassifier} (or another request scorer), through the same call the gateway makes
 * for a live request (the row's first user turn), spread over an executor in chunks so the
 * progress reports arrive in order from the calling thread.
 */
public final class RowScorer {

    private static final int CHUNK = 32;

    private final ToDoubleFunction<ChatRequest> scorer;
    private final Executor executor;

    public RowScorer(RoutingClassifier classifier, Executor executor) {
        this(classifier::strongProbability, executor);
    }

    /** Scores with any request scorer, e.g. the gateway's {@code EmbeddedRequestScorer}. */
    public RowScorer(ToDoubleFunction<ChatRequest> scorer, Executor executor) {
        this.scorer = scorer;
        this.executor = executor;
    }

    /** Each row's P(strong model needed), in row order. */
    public double[] score(List<RoutingRow> rows, Progress progress) {
        double[] scores = new double[rows.size()];
        progress.advanced(0, rows.size());
        for (int from = 0; from < rows.size(); from += CHUNK) {
            int to = Math.min(rows.size(), from + CHUNK);
            CompletableFuture<?>[] chunk = new CompletableFuture<?>[to - from];
            for (int i = from; i < to; i++) {
                int row = i;
                chunk[i - from] = CompletableFuture.runAsync(
                        () -> scores[row] = scorer.applyAsDouble(rows.get(row).firstTurnRequest()), executor);
            }
            CompletableFuture.allOf(chunk).join();
            progress.advanced(to, rows.size());
        }
        return scores;
    }
}
