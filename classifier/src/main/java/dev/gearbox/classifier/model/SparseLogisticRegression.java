package dev.gearbox.classifier.model;

import dev.gearbox.classifier.lexical.SparseVector;
import java.util.Arrays;
import java.util.List;

/**
 * L2-regularized logistic regression on sparse (hashed bag-of-words) inputs, trained by
 * full-batch Adam on cross-entropy with soft targets. Scoring touches only the prompt's non-zero
 * buckets: microseconds. Deterministic (no randomness in training).
 */
public final class SparseLogisticRegression {

    private static final double LEARNING_RATE = 0.05;

    private final double[] weights;
    private final double bias;

    public SparseLogisticRegression(double[] weights, double bias) {
        this.weights = weights.clone();
        this.bias = bias;
    }

    /**
     * Fits {@code steps} Adam steps on the mean cross-entropy plus {@code l2}/2 |w|^2.
     *
     * @param x         inputs, every index below {@code dimension}
     * @param y         targets in [0,1], parallel to {@code x}
     */
    public static SparseLogisticRegression train(List<SparseVector> x, double[] y, int dimension, double l2, int steps) {
        if (x.isEmpty() || x.size() != y.length) {
            throw new IllegalArgumentException("need one target per input and at least one input: "
                    + x.size() + " inputs, " + y.length + " targets");
        }
        int n = x.size();
        double[] w = new double[dimension + 1];
        double[] grad = new double[dimension + 1];
        Adam adam = new Adam(dimension + 1, LEARNING_RATE);
        for (int step = 0; step < steps; step++) {
            Arrays.fill(grad, 0);
            for (int i = 0; i < n; i++) {
                SparseVector v = x.get(i);
                double err = Vectors.sigmoid(v.dot(w) + w[dimension]) - y[i];
                for (int j = 0; j < v.size(); j++) {
                    grad[v.index(j)] += err * v.value(j);
                }
                grad[dimension] += err;
            }
            for (int j = 0; j <= dimension; j++) {
                grad[j] = grad[j] / n + (j < dimension ? l2 * w[j] : 0);
            }
            adam.step(w, grad);
        }
        return new SparseLogisticRegression(Arrays.copyOf(w, dimension), w[dimension]);
    }

    /** The input dimension (number of hash buckets). */
    public int dimension() {
        return weights.length;
    }

    double[] weights() {
        return weights;
    }

    double bias() {
        return bias;
    }

    /** P(strong model needed) for a prompt's bag of words. */
    public double score(SparseVector x) {
        return Vectors.sigmoid(x.dot(weights) + bias);
    }
}
