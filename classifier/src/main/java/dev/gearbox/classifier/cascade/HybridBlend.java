package dev.gearbox.classifier.cascade;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.eval.Folds;
import dev.gearbox.classifier.eval.RouterEvaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * One score per row for routing plus cascade, so the hybrid can be ranked like a router: the
 * router's score and the cascade's escalation score, each turned into its percentile rank within
 * the row's source (so a 0..1 probability and a 0/1 gate mix fairly), then combined by one of a few
 * {@link Candidate}s. The candidate is chosen by cross-validation: for each fold, the one with the
 * best mean per-source APGR on the other folds scores that fold's rows, so no row is scored by a
 * choice made on it. Each fold's blended scores are turned into ranks within the fold and source,
 * so rows scored by different blends still compare.
 */
public final class HybridBlend {

    /** A way to combine the two ranks: a weighted mean with the router's weight, or the larger of the two. */
    public record Candidate(String name, double routerWeight, boolean max) {
        public double combine(double routerRank, double cascadeRank) {
            return max ? Math.max(routerRank, cascadeRank) : routerWeight * routerRank + (1 - routerWeight) * cascadeRank;
        }
    }

    /** The out-of-fold hybrid scores and the candidate each fold chose, in fold order. */
    public record Result(double[] scores, List<Candidate> chosen) {
    }

    public static final List<Candidate> CANDIDATES = candidates();

    private HybridBlend() {
    }

    private static List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        for (int w = 0; w <= 10; w++) {
            out.add(new Candidate(String.format("blend(router %.1f)", w / 10.0), w / 10.0, false));
        }
        out.add(new Candidate("max", 0, true));
        return List.copyOf(out);
    }

    public static Result outOfFold(List<RoutingRow> rows, double[] router, double[] cascade, int[] fold) {
        double[] routerRank = ranksWithinSource(rows, router);
        double[] cascadeRank = ranksWithinSource(rows, cascade);
        double[] out = new double[rows.size()];
        List<Candidate> chosen = new ArrayList<>();
        for (int f = 0; f < Folds.count(fold); f++) {
            int current = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != current).toArray();
            Candidate best = best(rows, train, routerRank, cascadeRank);
            chosen.add(best);
            int[] test = IntStream.range(0, rows.size()).filter(i -> fold[i] == current).toArray();
            List<RoutingRow> testRows = Arrays.stream(test).mapToObj(rows::get).toList();
            double[] blended = Arrays.stream(test).mapToDouble(i -> best.combine(routerRank[i], cascadeRank[i])).toArray();
            // folds may choose different blends, whose scores spread differently: ranks make them comparable
            double[] ranked = ranksWithinSource(testRows, blended);
            for (int j = 0; j < test.length; j++) {
                out[test[j]] = ranked[j];
            }
        }
        return new Result(out, chosen);
    }

    private static Candidate best(List<RoutingRow> rows, int[] train, double[] routerRank, double[] cascadeRank) {
        List<RoutingRow> subset = Arrays.stream(train).mapToObj(rows::get).toList();
        Candidate best = null;
        double bestApgr = Double.NEGATIVE_INFINITY;
        for (Candidate c : CANDIDATES) {
            double[] scores = Arrays.stream(train).mapToDouble(i -> c.combine(routerRank[i], cascadeRank[i])).toArray();
            double apgr = RouterEvaluator.perSource(subset, scores).stream()
                    .mapToDouble(s -> s.report().apgr()).filter(a -> !Double.isNaN(a)).average().orElse(0);
            if (apgr > bestApgr) {
                bestApgr = apgr;
                best = c;
            }
        }
        return best;
    }

    /** Each score's percentile rank among its source's scores, in [0,1]; ties share their mean rank. */
    public static double[] ranksWithinSource(List<RoutingRow> rows, double[] scores) {
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            bySource.computeIfAbsent(rows.get(i).source(), s -> new ArrayList<>()).add(i);
        }
        double[] ranks = new double[scores.length];
        for (List<Integer> idx : bySource.values()) {
            List<Integer> order = new ArrayList<>(idx);
            order.sort(Comparator.comparingDouble(i -> scores[i]));
            int n = order.size();
            int from = 0;
            while (from < n) {
                int to = from;
                while (to + 1 < n && scores[order.get(to + 1)] == scores[order.get(from)]) {
                    to++;
                }
                double rank = n == 1 ? 0.5 : (from + to) / 2.0 / (n - 1);
                for (int j = from; j <= to; j++) {
                    ranks[order.get(j)] = rank;
                }
                from = to + 1;
            }
        }
        return ranks;
    }
}
