package dev.gearbox.core.cost;

import java.util.List;

/**
 * What a request cost and what the same tokens would have cost on the baseline deployment.
 * A cache hit costs nothing, so its whole baseline is saved.
 *
 * @param attempts one entry per upstream attempt, in order (empty for a cache hit)
 */
public record RequestCost(List<AttemptCost> attempts, double costUsd, double baselineUsd) {
    public static final RequestCost NONE = new RequestCost(List.of(), 0, 0);

    public RequestCost {
        attempts = List.copyOf(attempts);
    }

    /** The baseline cost minus the real cost: positive when routing saved money. */
    public double savingsUsd() {
        return baselineUsd - costUsd;
    }
}
