package dev.gearbox.classifier.lexical;

import java.util.Arrays;

/**
 * A sparse feature vector: strictly increasing bucket indexes and their values. Immutable: the
 * arrays are copied in and never handed out.
 */
public final class SparseVector {

    private final int[] index;
    private final float[] value;

    public SparseVector(int[] index, float[] value) {
        if (index.length != value.length) {
            throw new IllegalArgumentException("index and value lengths differ: " + index.length + " vs " + value.length);
        }
        for (int i = 1; i < index.length; i++) {
            if (index[i] <= index[i - 1]) {
                throw new IllegalArgumentException("indexes must be strictly increasing");
            }
        }
        this.index = index.clone();
        this.value = value.clone();
    }

    /** The number of non-zero entries. */
    public int size() {
        return index.length;
    }

    public int index(int i) {
        return index[i];
    }

    public float value(int i) {
        return value[i];
    }

    /** The dot product with a dense weight vector (indexes must fit in it). */
    public double dot(double[] weights) {
        double z = 0;
        for (int i = 0; i < index.length; i++) {
            z += weights[index[i]] * value[i];
        }
        return z;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseVector s && Arrays.equals(index, s.index) && Arrays.equals(value, s.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(index) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "SparseVector[" + index.length + " non-zero]";
    }
}
