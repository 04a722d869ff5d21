package dev.gearbox.classifier.model;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A one-hidden-layer perceptron (tanh, sigmoid output) on the embedding plus standardized signals,
 * trained with mini-batch Adam, L2 weight decay and a seeded shuffle so runs repeat exactly.
 */
public final class Mlp implements RoutingModel {

    private final SignalScaler scaler;
    private final int inputs;
    private final int hidden;
    /** Layout: hidden x inputs weights, hidden biases, hidden output weights, output bias. */
    private final double[] params;

    Mlp(SignalScaler scaler, int inputs, int hidden, double[] params) {
        this.scaler = scaler;
        this.inputs = inputs;
        this.hidden = hidden;
        this.params = params;
    }

    public static ModelFamily family(int hidden, int epochs, double l2, long seed) {
        return new ModelFamily() {
            @Override
            public String name() {
                return "mlp(h=" + hidden + ",ep=" + epochs + ",l2=" + l2 + ")";
            }

            @Override
            public RoutingModel fit(List<Example> training) {
                return train(training, hidden, epochs, l2, new Random(seed));
            }
        };
    }

    static Mlp train(List<Example> training, int hidden, int epochs, double l2, Random random) {
        DesignMatrix m = DesignMatrix.of(training);
        SignalScaler scaler = m.scaler();
        double[][] x = m.x();
        double[] y = m.y();
        int n = x.length;
        int d = m.width();
        double[] p = new double[hidden * d + hidden + hidden + 1];
        double scale = 1 / Math.sqrt(d);
        for (int i = 0; i < hidden * d; i++) {
            p[i] = random.nextGaussian() * scale;
        }
        for (int h = 0; h < hidden; h++) {
            p[hidden * d + hidden + h] = random.nextGaussian() / Math.sqrt(hidden);
        }
        Mlp net = new Mlp(scaler, d, hidden, p);
        Adam adam = new Adam(p.length, 0.003);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        int batch = 64;
        double[] grad = new double[p.length];
        double[] act = new double[hidden];
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(order, random);
            for (int from = 0; from < n; from += batch) {
                int to = Math.min(n, from + batch);
                Arrays.fill(grad, 0);
                for (int b = from; b < to; b++) {
                    int i = order[b];
                    double err = net.forward(x[i], act) - y[i];
                    net.backward(x[i], act, err, grad);
                }
                int size = to - from;
                for (int j = 0; j < grad.length; j++) {
                    grad[j] = grad[j] / size + l2 * p[j];
                }
                adam.step(p, grad);
            }
        }
        return net;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The output probability; fills {@code act} with the hidden activations. */
    private double forward(double[] x, double[] act) {
        int outW = hidden * inputs + hidden;
        double z = params[params.length - 1];
        for (int h = 0; h < hidden; h++) {
            double s = params[hidden * inputs + h];
            int row = h * inputs;
            for (int j = 0; j < inputs; j++) {
                s += params[row + j] * x[j];
            }
            act[h] = Math.tanh(s);
            z += params[outW + h] * act[h];
        }
        return Vectors.sigmoid(z);
    }

    /** Adds the cross-entropy gradient of one example (output error {@code err}) to {@code grad}. */
    private void backward(double[] x, double[] act, double err, double[] grad) {
        int outW = hidden * inputs + hidden;
        grad[grad.length - 1] += err;
        for (int h = 0; h < hidden; h++) {
            grad[outW + h] += err * act[h];
            double dh = err * params[outW + h] * (1 - act[h] * act[h]);
            grad[hidden * inputs + h] += dh;
            int row = h * inputs;
            for (int j = 0; j < inputs; j++) {
                grad[row + j] += dh * x[j];
            }
        }
    }

    SignalScaler scaler() {
        return scaler;
    }

    int inputs() {
        return inputs;
    }

    int hidden() {
        return hidden;
    }

    double[] params() {
        return params;
    }

    @Override
    public double score(float[] embedding, double[] signals) {
        return forward(scaler.input(embedding, signals), new double[hidden]);
    }
}
