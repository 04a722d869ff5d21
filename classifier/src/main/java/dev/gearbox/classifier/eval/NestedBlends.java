package dev.gearbox.classifier.eval;

import dev.gearbox.classifier.data.RoutingRow;
import dev.gearbox.classifier.metrics.RouterMetrics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Blends whose weights or score scales are learned without touching the test fold: for each
 * outer fold, inner folds of the same kind over its training rows only give every member's
 * inner out-of-fold scores, from which weights (best mean per-source APGR on a grid) or
 * percentile tables are taken and then applied to the members' scores of the held-out fold.
 */
final class NestedBlends {

    /** Grid step of the blend weights over the simplex. */
    private static final double GRID = 0.1;
    private static final int INNER_FOLDS = 4;

    private final List<RoutingRow> rows;
    private final List<String> sources;
    private final long seed;

    NestedBlends(List<RoutingRow> rows, long seed) {
        this.rows = rows;
        this.sources = rows.stream().map(RoutingRow::source).distinct().toList();
        this.seed = seed;
    }

    /**
     * Per outer fold: inner folds over that fold's training rows only (same kind of split) and
     * every member's inner out-of-fold scores on them; indexed [outer fold][member][row].
     */
    double[][][] innerScores(List<BlendMember> members, int[] fold, boolean grouped) {
        double[][][] out = new double[Folds.count(fold)][][];
        for (int f = 0; f < out.length; f++) {
            int current = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != current).toArray();
            List<RoutingRow> trainRows = IntStream.of(train).mapToObj(rows::get).toList();
            int[] innerLocal = grouped ? Folds.groupedKFold(trainRows, INNER_FOLDS, seed)
                    : Folds.rowKFold(trainRows, INNER_FOLDS, seed);
            int[] inner = new int[rows.size()];
            for (int j = 0; j < train.length; j++) {
                inner[train[j]] = innerLocal[j];
            }
            out[f] = new double[members.size()][];
            for (int m = 0; m < members.size(); m++) {
                out[f][m] = BlendMember.outOfFold(members.get(m), rows.size(), train, inner);
            }
        }
        return out;
    }

    /**
     * Per outer fold, the candidate weights with the best mean per-source APGR on the inner
     * scores of its training rows, applied to the members' outer scores of the held-out fold.
     */
    double[] stacked(double[][][] inner, double[][] outer, int[] fold, List<double[]> candidates) {
        double[] out = new double[rows.size()];
        for (int f = 0; f < inner.length; f++) {
            int current = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != current).toArray();
            double[] w = bestWeights(inner[f], train, candidates);
            System.err.printf("  outer fold %d weights %s%n", f, Arrays.toString(w));
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == current) {
                    for (int m = 0; m < w.length; m++) {
                        out[i] += w[m] * outer[m][i];
                    }
                }
            }
        }
        return out;
    }

    /**
     * Rank-average blend: each member's held-out score becomes its percentile among that member's
     * inner out-of-fold scores of the training rows (a fixed reference distribution, as a served
     * model would ship), and the percentiles are averaged, so no member dominates by its scale.
     */
    double[] rankAverage(double[][][] inner, double[][] outer, int[] fold, int members) {
        double[] out = new double[rows.size()];
        for (int f = 0; f < inner.length; f++) {
            int current = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != current).toArray();
            for (int m = 0; m < members; m++) {
                double[] innerM = inner[current][m];
                double[] reference = IntStream.of(train).mapToDouble(i -> innerM[i]).sorted().toArray();
                for (int i = 0; i < rows.size(); i++) {
                    if (fold[i] == current) {
                        out[i] += percentile(reference, outer[m][i]) / members;
                    }
                }
            }
        }
        return out;
    }

    /** The share of {@code sorted} below {@code v}, ties counted half. */
    static double percentile(double[] sorted, double v) {
        int lo = lowerBound(sorted, v);
        int hi = lo;
        while (hi < sorted.length && sorted[hi] == v) {
            hi++;
        }
        return (lo + (hi - lo) / 2.0) / sorted.length;
    }

    private static int lowerBound(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The grid point of the simplex maximizing the mean per-source APGR of the blended scores on {@code idx}. */
    private double[] bestWeights(double[][] scores, int[] idx, List<double[]> candidates) {
        double[] best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (double[] w : candidates) {
            double[] blended = new double[rows.size()];
            for (int i : idx) {
                for (int m = 0; m < w.length; m++) {
                    blended[i] += w[m] * scores[m][i];
                }
            }
            double value = meanApgr(blended, idx);
            if (value > bestValue) {
                bestValue = value;
                best = w;
            }
        }
        return best;
    }

    private double meanApgr(double[] scores, int[] idx) {
        double sum = 0;
        int n = 0;
        for (String source : sources) {
            int[] s = IntStream.of(idx).filter(i -> rows.get(i).source().equals(source)).toArray();
            if (s.length < 10) {
                continue;
            }
            sum += RouterMetrics.evaluate(IntStream.of(s).mapToDouble(i -> scores[i]).toArray(),
                    IntStream.of(s).mapToDouble(i -> rows.get(i).weakScore()).toArray(),
                    IntStream.of(s).mapToDouble(i -> rows.get(i).strongScore()).toArray()).apgr();
            n++;
        }
        return sum / n;
    }

    /** The grid points of the simplex over {@code parts} members, step {@link #GRID}. */
    static List<double[]> simplexGrid(int parts) {
        int steps = (int) Math.round(1 / GRID);
        List<double[]> out = new ArrayList<>();
        for (int[] c : compositions(steps, parts)) {
            out.add(IntStream.of(c).mapToDouble(v -> v / (double) steps).toArray());
        }
        return out;
    }

    /** Weights over kNN, LR, MLP, lexical: lexical 0 to 0.5 in steps of 0.1, the rest shared equally. */
    static List<double[]> lexicalShareGrid() {
        List<double[]> out = new ArrayList<>();
        for (int t = 0; t <= 5; t++) {
            double lex = t / 10.0;
            double rest = (1 - lex) / 3;
            out.add(new double[] {rest, rest, rest, lex});
        }
        return out;
    }

    /** Every way to write {@code total} as an ordered sum of {@code parts} non-negative integers. */
    static List<int[]> compositions(int total, int parts) {
        List<int[]> out = new ArrayList<>();
        compose(new int[parts], 0, total, out);
        return out;
    }

    private static void compose(int[] prefix, int at, int left, List<int[]> out) {
        if (at == prefix.length - 1) {
            prefix[at] = left;
            out.add(prefix.clone());
            return;
        }
        for (int v = 0; v <= left; v++) {
            prefix[at] = v;
            compose(prefix, at + 1, left - v, out);
        }
    }
}
