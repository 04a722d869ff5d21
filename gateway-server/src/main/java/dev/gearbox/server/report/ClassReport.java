package dev.gearbox.server.report;

import java.util.Map;

/**
 * The numbers of one request class over a decision log.
 *
 * @param tierShares     share of the class's answered requests per tier ({@code fast}, {@code balanced},
 *                       {@code frontier}, or {@code none} for a pinned deployment in no tier), summing to 1
 * @param escalationRate share of the class's requests a cascade escalated
 * @param cacheHitRate   share of the class's requests served from a cache
 * @param savingsPct     (baseline - cost) / baseline in percent; 0 when the baseline cost is 0
 */
public record ClassReport(String requestClass, int requests, int errors, Map<String, Double> tierShares,
                          double escalationRate, double cacheHitRate, double costUsd, double baselineUsd,
                          double savingsPct, double p50Ms, double p95Ms) {
    public static final String ALL = "all";

    public ClassReport {
        tierShares = Map.copyOf(tierShares);
    }

    public double tierShare(String tier) {
        return tierShares.getOrDefault(tier, 0.0);
    }
}
