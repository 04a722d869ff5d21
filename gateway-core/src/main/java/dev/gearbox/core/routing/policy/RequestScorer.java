package dev.gearbox.core.routing.policy;

import dev.gearbox.core.model.ChatRequest;

/**
 * The embedded model behind the policy: a blocking, CPU-bound score of a request. Implemented by
 * the classifier module; run only on a worker executor (see {@link ScoringTierClassifier}).
 */
public interface RequestScorer {

    /** P(strong model needed) in [0,1] and the request class tag. */
    record Score(double value, String requestClass) {
    }

    Score score(ChatRequest request);
}
