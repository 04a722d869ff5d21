package dev.gearbox.core.routing.policy;

import dev.gearbox.core.model.ChatRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** The embedded model: scores on {@code executor} (never the caller's thread), then applies the thresholds. */
public final class ScoringTierClassifier implements TierClassifier {
    private final RequestScorer scorer;
    private final ThresholdPolicy policy;
    private final Executor executor;

    public ScoringTierClassifier(RequestScorer scorer, ThresholdPolicy policy, Executor executor) {
        this.scorer = scorer;
        this.policy = policy;
        this.executor = executor;
    }

    public ThresholdPolicy policy() {
        return policy;
    }

    @Override
    public CompletableFuture<ClassifierVerdict> classify(ChatRequest request) {
        try {
            return CompletableFuture.supplyAsync(() -> verdict(scorer.score(request)), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e); // the executor's queue is full: the selector falls back
        }
    }

    private ClassifierVerdict verdict(RequestScorer.Score score) {
        double s = Math.min(1, Math.max(0, score.value()));
        return new ClassifierVerdict(policy.tier(s), s, policy.confidence(s), score.requestClass());
    }
}
