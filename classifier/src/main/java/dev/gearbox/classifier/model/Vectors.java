package dev.gearbox.classifier.model;

/** Numerically safe logistic function shared by the models. */
final class Vectors {

    private Vectors() {
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
