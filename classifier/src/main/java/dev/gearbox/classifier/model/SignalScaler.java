package dev.gearbox.classifier.model;

import java.util.List;

/**
 * Standardizes signal vectors (zero mean, unit variance on the training data) and joins them to
 * the embedding, giving the input of the linear and neural models.
 */
public record SignalScaler(double[] mean, double[] std) {

    public static SignalScaler fit(List<Example> training) {
        int d = training.get(0).signals().length;
        double[] mean = new double[d];
        double[] sq = new double[d];
        for (Example e : training) {
            for (int j = 0; j < d; j++) {
                mean[j] += e.signals()[j];
                sq[j] += e.signals()[j] * e.signals()[j];
            }
        }
        double[] std = new double[d];
        for (int j = 0; j < d; j++) {
            mean[j] /= training.size();
            double var = sq[j] / training.size() - mean[j] * mean[j];
            std[j] = var > 1e-12 ? Math.sqrt(var) : 1;
        }
        return new SignalScaler(mean, std);
    }

    /** The embedding followed by the standardized signals. */
    public double[] input(float[] embedding, double[] signals) {
        double[] x = new double[embedding.length + signals.length];
        for (int i = 0; i < embedding.length; i++) {
            x[i] = embedding[i];
        }
        for (int j = 0; j < signals.length; j++) {
            x[embedding.length + j] = (signals[j] - mean[j]) / std[j];
        }
        return x;
    }
}
