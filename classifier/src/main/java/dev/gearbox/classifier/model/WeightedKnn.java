package dev.gearbox.classifier.model;

import java.util.Arrays;
import java.util.List;

/**
 * Weighted k-nearest neighbours over normalized embeddings: the score is the similarity-weighted
 * mean target of the {@code k} most similar training prompts (weight = max(cos, 0)^power).
 */
public final class WeightedKnn implements RoutingModel {

    /** Scale of the int8 quantization: a unit vector's components lie in [-1, 1]. */
    private static final float QUANT = 127f;

    /**
     * All exemplar embeddings, int8-quantized (values in [-127, 127]; cosines move by < 0.01), in one
     * row-major array. Held as ints rather than bytes: C2 vectorizes a plain int multiply-add loop but
     * not one that widens bytes, so the scan is about 3x faster (JMH {@code ClassifierBenchmark.modelOnly}:
     * p50 0.46 against 1.37 ms with 11k exemplars) for 17 MB instead of 4 MB; integer sums are exact,
     * so scores are unchanged.
     */
    private final int[] flat;
    private final int dim;
    private final double[] targets;
    private final int k;
    private final double power;

    public WeightedKnn(float[][] embeddings, double[] targets, int k, double power) {
        if (embeddings.length != targets.length || embeddings.length == 0 || k < 1) {
            throw new IllegalArgumentException("need k >= 1 and one target per embedding");
        }
        this.dim = embeddings[0].length;
        this.flat = new int[embeddings.length * dim];
        for (int i = 0; i < embeddings.length; i++) {
            quantize(embeddings[i], flat, i * dim);
        }
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
        float[][] out = new float[targets.length][];
        for (int i = 0; i < out.length; i++) {
            out[i] = new float[dim];
            for (int j = 0; j < dim; j++) {
                out[i][j] = flat[i * dim + j] / QUANT;
            }
        }
        return out;
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
        // the k best similarities so far, kept sorted ascending; slot 0 is the one to beat
        double[] best = new double[k];
        int[] index = new int[k];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        int[] query = new int[dim];
        quantize(embedding, query, 0);
        // Locals, not fields, in the hot loop: with field reads here C2 did not vectorize the dot product.
        int count = targets.length;
        int stride = dim;
        int[] exemplars = flat;
        for (int i = 0, offset = 0; i < count; i++, offset += stride) {
            double sim = dot(query, exemplars, offset) / (QUANT * QUANT);
            if (sim > best[0]) {
                int pos = 0;
                while (pos + 1 < k && best[pos + 1] < sim) {
                    best[pos] = best[pos + 1];
                    index[pos] = index[pos + 1];
                    pos++;
                }
                best[pos] = sim;
                index[pos] = i;
            }
        }
        double weighted = 0;
        double total = 0;
        for (int n = 0; n < k; n++) {
            if (best[n] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double w = Math.pow(Math.max(best[n], 0), power) + 1e-9;
            weighted += w * targets[index[n]];
            total += w;
        }
        return weighted / total;
    }

    /**
     * Integer dot product with the exemplar starting at {@code offset}: one plain loop, which C2
     * compiles to vector multiply-adds; integer sums are exact, so the order does not change the result.
     */
    private static int dot(int[] q, int[] exemplars, int offset) {
        int sum = 0;
        for (int j = 0; j < q.length; j++) {
            sum += q[j] * exemplars[offset + j];
        }
        return sum;
    }

    private static void quantize(float[] v, int[] out, int offset) {
        for (int j = 0; j < v.length; j++) {
            out[offset + j] = Math.round(Math.max(-1f, Math.min(1f, v[j])) * QUANT);
        }
    }
}
