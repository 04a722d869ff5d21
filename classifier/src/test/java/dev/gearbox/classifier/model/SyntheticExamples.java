package dev.gearbox.classifier.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Tiny seeded data sets for model tests: 2-d unit embeddings and one signal. */
final class SyntheticExamples {

    private SyntheticExamples() {
    }

    static float[] unit(double angle) {
        return new float[] {(float) Math.cos(angle), (float) Math.sin(angle)};
    }

    /** Points on the unit circle; target 1 in the upper half-plane. */
    static List<Example> halfPlane(int n, long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = r.nextDouble() * 2 * Math.PI;
            out.add(new Example(unit(angle), new double[] {r.nextGaussian()}, Math.sin(angle) > 0 ? 1 : 0));
        }
        return out;
    }

    /** Target 1 in the first and third quadrants: not linearly separable. */
    static List<Example> quadrants(int n, long seed) {
        Random r = new Random(seed);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double angle = r.nextDouble() * 2 * Math.PI;
            float[] e = unit(angle);
            out.add(new Example(e, new double[] {0}, e[0] * e[1] > 0 ? 1 : 0));
        }
        return out;
    }
}
