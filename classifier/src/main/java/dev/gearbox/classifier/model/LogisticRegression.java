package dev.gearbox.classifier.model;

import java.util.Arrays;
import java.util.List;

/**
 * L2-regularized logistic regression on the embedding plus standardized signals, trained by
 * full-batch Adam on cross-entropy with (possibly soft) targets.
 */
public final class LogisticRegression implements RoutingModel {

    private final SignalScaler scaler;
    private final double[] weights;
    private final double bias;

    public LogisticRegression(SignalScaler scaler, double[] weights, double bias) {
        this.scaler = scaler;
        this.weights = weights;
        this.bias = bias;
    }

    /** The family with L2 strength {@code l2} and {@code steps} Adam steps. */
    public static ModelFamily family(double l2, int steps) {
        return new ModelFamily() {
            @Override
            public String name() {
                return "logreg(l2=" + l2 + ")";
            }

            @Override
            public RoutingModel fit(List<Example> training) {
                return train(training, l2, steps);
            }
        };
    }

    static LogisticRegression train(List<Example> training, double l2, int steps) {
        DesignMatrix m = DesignMatrix.of(training);
        SignalScaler scaler = m.scaler();
        double[][] x = m.x();
        double[] y = m.y();
        int n = x.length;
        int d = m.width();
        double[] w = new double[d + 1];
        Adam adam = new Adam(d + 1, 0.05);
        for (int step = 0; step < steps; step++) {
            double[] grad = new double[d + 1];
            for (int i = 0; i < n; i++) {
                double err = Vectors.sigmoid(linear(w, x[i])) - y[i];
                for (int j = 0; j < d; j++) {
                    grad[j] += err * x[i][j];
                }
                grad[d] += err;
            }
            for (int j = 0; j <= d; j++) {
                grad[j] /= n;
                if (j < d) {
                    grad[j] += l2 * w[j];
                }
            }
            adam.step(w, grad);
        }
        double[] weights = Arrays.copyOf(w, d);
        return new LogisticRegression(scaler, weights, w[d]);
    }

    private static double linear(double[] w, double[] x) {
        double z = w[x.length];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * x[j];
        }
        return z;
    }

    SignalScaler scaler() {
        return scaler;
    }

    double[] weights() {
        return weights;
    }

    double bias() {
        return bias;
    }

    @Override
    public double score(float[] embedding, double[] signals) {
        double[] x = scaler.input(embedding, signals);
        double z = bias;
        for (int j = 0; j < x.length; j++) {
            z += weights[j] * x[j];
        }
        return Vectors.sigmoid(z);
    }
}
