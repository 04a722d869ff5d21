package dev.gearbox.classifier.model;

import java.util.List;
import java.util.PriorityQueue;

/**
 * Weighted k-nearest neighbours over normalized embeddings: the score is the similarity-weighted
 * mean target of the {@code k} most similar training prompts (weight = max(cos, 0)^power).
 */
public final class WeightedKnn implements RoutingModel {

    private final float[][] embeddings;
    private final double[] targets;
    private final int k;
    private final double power;

    public WeightedKnn(float[][] embeddings, double[] targets, int k, double power) {
        if (embeddings.length != targets.length || embeddings.length == 0 || k < 1) {
            throw new IllegalArgumentException("need k >= 1 and one target per embedding");
        }
        this.embeddings = embeddings;
        this.targets = targets;
        this.k = Math.min(k, embeddings.length);
        this.power = power;
    }

    /** The family: k neighbours, similarity raised to {@code power}. */
    public static ModelFamily family(int k, double power) {
        return new ModelFamily() {
            @Override
            public String name() {
                return "knn(k=" + k + ",p=" + power + ")";
            }

            @Override
            public RoutingModel fit(List<Example> training) {
                float[][] e = new float[training.size()][];
                double[] t = new double[training.size()];
                for (int i = 0; i < e.length; i++) {
                    e[i] = training.get(i).embedding();
                    t[i] = training.get(i).target();
                }
                return new WeightedKnn(e, t, k, power);
            }
        };
    }

    float[][] embeddings() {
        return embeddings;
    }

    double[] targets() {
        return targets;
    }

    int k() {
        return k;
    }

    double power() {
        return power;
    }

    @Override
    public double score(float[] embedding, double[] signals) {
        PriorityQueue<double[]> nearest = new PriorityQueue<>(k + 1, (a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < embeddings.length; i++) {
            double sim = Vectors.dot(embedding, embeddings[i]);
            if (nearest.size() < k) {
                nearest.add(new double[] {sim, i});
            } else if (sim > nearest.peek()[0]) {
                nearest.poll();
                nearest.add(new double[] {sim, i});
            }
        }
        double weighted = 0;
        double total = 0;
        for (double[] n : nearest) {
            double w = Math.pow(Math.max(n[0], 0), power) + 1e-9;
            weighted += w * targets[(int) n[1]];
            total += w;
        }
        return weighted / total;
    }
}
