package dev.gearbox.classifier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A linear ranker on the embedding plus standardized signals trained on pairs instead of points:
 * RankNet's logistic loss on pairs of prompts from the same group (source) whose targets differ,
 * weighted by the target difference. APGR only depends on the order of prompts within a source,
 * so this objective optimizes that order directly and ignores each source's base rate. The raw
 * score is standardized on the training rows and squashed, giving a value in (0,1) that blends
 * with the probabilistic routers.
 */
public final class PairwiseRanker implements RoutingModel {

    private static final double LEARNING_RATE = 0.01;
    private static final int BATCH = 64;
    /** Tries to find a partner with a different target before a row sits the epoch out. */
    private static final int PARTNER_TRIES = 8;

    private final SignalScaler scaler;
    private final double[] weights;
    private final double center;
    private final double spread;

    PairwiseRanker(SignalScaler scaler, double[] weights, double center, double spread) {
        this.scaler = scaler;
        this.weights = weights;
        this.center = center;
        this.spread = spread;
    }

    /**
     * Trains on {@code training}, {@code group[i]} naming the group of example i (pairs never
     * cross groups). Each epoch draws one partner per example, in a seeded order.
     */
    public static PairwiseRanker train(List<Example> training, int[] group, int epochs, double l2, Random random) {
        if (training.size() != group.length) {
            throw new IllegalArgumentException("one group per example needed");
        }
        DesignMatrix m = DesignMatrix.of(training);
        double[][] x = m.x();
        double[] y = m.y();
        int d = m.width();
        List<List<Integer>> members = membersByGroup(group);
        double[] w = new double[d];
        double[] grad = new double[d];
        Adam adam = new Adam(d, LEARNING_RATE);
        for (int epoch = 0; epoch < epochs; epoch++) {
            int inBatch = 0;
            for (int a = 0; a < x.length; a++) {
                int b = partner(a, group[a], members, y, random);
                if (b < 0) {
                    continue;
                }
                int hi = y[a] > y[b] ? a : b;
                int lo = hi == a ? b : a;
                double margin = dot(w, x[hi]) - dot(w, x[lo]);
                double g = -Vectors.sigmoid(-margin) * Math.abs(y[a] - y[b]);
                for (int j = 0; j < d; j++) {
                    grad[j] += g * (x[hi][j] - x[lo][j]);
                }
                if (++inBatch == BATCH) {
                    step(adam, w, grad, inBatch, l2);
                    inBatch = 0;
                }
            }
            if (inBatch > 0) {
                step(adam, w, grad, inBatch, l2);
            }
        }
        double sum = 0;
        double sq = 0;
        for (double[] row : x) {
            double s = dot(w, row);
            sum += s;
            sq += s * s;
        }
        double mean = sum / x.length;
        double std = Math.sqrt(Math.max(sq / x.length - mean * mean, 1e-12));
        return new PairwiseRanker(m.scaler(), w, mean, std);
    }

    private static List<List<Integer>> membersByGroup(int[] group) {
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            if (group[i] < 0) {
                throw new IllegalArgumentException("group ids must be non-negative");
            }
            while (members.size() <= group[i]) {
                members.add(new ArrayList<>());
            }
            members.get(group[i]).add(i);
        }
        return members;
    }

    /** A random member of the same group with a different target, or -1. */
    private static int partner(int a, int g, List<List<Integer>> members, double[] y, Random random) {
        List<Integer> pool = members.get(g);
        for (int t = 0; t < PARTNER_TRIES; t++) {
            int b = pool.get(random.nextInt(pool.size()));
            if (y[b] != y[a]) {
                return b;
            }
        }
        return -1;
    }

    private static void step(Adam adam, double[] w, double[] grad, int size, double l2) {
        for (int j = 0; j < w.length; j++) {
            grad[j] = grad[j] / size + l2 * w[j];
        }
        adam.step(w, grad);
        java.util.Arrays.fill(grad, 0);
    }

    private static double dot(double[] w, double[] x) {
        double z = 0;
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    @Override
    public double score(float[] embedding, double[] signals) {
        return Vectors.sigmoid((dot(weights, scaler.input(embedding, signals)) - center) / spread);
    }
}
