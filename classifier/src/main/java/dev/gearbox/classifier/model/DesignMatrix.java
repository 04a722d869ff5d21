package dev.gearbox.classifier.model;

import java.util.List;

/**
 * Training examples as the dense models see them: the scaler fitted on them, each example's
 * scaled input (embedding joined to standardized signals) and its target.
 */
record DesignMatrix(SignalScaler scaler, double[][] x, double[] y) {

    static DesignMatrix of(List<Example> training) {
        SignalScaler scaler = SignalScaler.fit(training);
        int n = training.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = scaler.input(training.get(i).embedding(), training.get(i).signals());
            y[i] = training.get(i).target();
        }
        return new DesignMatrix(scaler, x, y);
    }

    /** The input width: embedding dimensions plus signals. */
    int width() {
        return x[0].length;
    }
}
