package dev.gearbox.server.report;

import dev.gearbox.core.telemetry.log.DecisionLine;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Aggregates decision lines per request class, plus an {@value ClassReport#ALL} row over everything. */
public final class DecisionReport {
    static final String NO_TIER = "none";

    private DecisionReport() {
    }

    /** One report per class, by class name, then the total. Empty for an empty log. */
    public static List<ClassReport> of(List<DecisionLine> lines) {
        Map<String, List<DecisionLine>> byClass = new TreeMap<>();
        for (DecisionLine line : lines) {
            String cls = line.requestClass() == null ? "unclassified" : line.requestClass();
            byClass.computeIfAbsent(cls, c -> new ArrayList<>()).add(line);
        }
        List<ClassReport> reports = new ArrayList<>();
        byClass.forEach((cls, group) -> reports.add(summarise(cls, group)));
        if (!lines.isEmpty()) {
            reports.add(summarise(ClassReport.ALL, lines));
        }
        return reports;
    }

    static ClassReport summarise(String cls, List<DecisionLine> lines) {
        int errors = 0;
        int answered = 0;
        int escalated = 0;
        int cacheHits = 0;
        double cost = 0;
        double baseline = 0;
        Map<String, Integer> tiers = new HashMap<>();
        double[] latencies = new double[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            DecisionLine l = lines.get(i);
            latencies[i] = l.latencyMs() == null ? 0 : l.latencyMs().total();
            cost += l.costUsd();
            baseline += l.baselineUsd();
            if (l.cascade() != null && l.cascade().escalated()) {
                escalated++;
            }
            if (l.cache() != null && l.cache().startsWith("hit")) {
                cacheHits++;
            }
            if (!"ok".equals(l.outcome())) {
                errors++;
                continue;
            }
            answered++;
            tiers.merge(l.tier() == null ? NO_TIER : l.tier(), 1, Integer::sum);
        }
        Map<String, Double> shares = new HashMap<>();
        for (Map.Entry<String, Integer> e : tiers.entrySet()) {
            shares.put(e.getKey(), (double) e.getValue() / answered);
        }
        int n = lines.size();
        Arrays.sort(latencies);
        return new ClassReport(cls, n, errors, shares, (double) escalated / n, (double) cacheHits / n, cost, baseline,
                baseline > 0 ? 100 * (baseline - cost) / baseline : 0, percentile(latencies, 0.50),
                percentile(latencies, 0.95));
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
