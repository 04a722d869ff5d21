package dev.gearbox.core.routing.policy;

import dev.gearbox.core.model.ChatRequest;
import java.util.concurrent.CompletableFuture;

/** A strategy that classifies a request into a tier: the embedded model, or an LLM with a fallback. */
@FunctionalInterface
public interface TierClassifier {
    /** Never blocks the caller; the future may fail when the strategy cannot decide. */
    CompletableFuture<ClassifierVerdict> classify(ChatRequest request);
}
