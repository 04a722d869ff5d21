package dev.gearbox.classifier.model;

/**
 * One training example: the request's embedding and signal vector, and the target, the
 * probability that the strong model is needed (0/1, or soft for judge scores).
 */
public record Example(float[] embedding, double[] signals, double target) {
}
