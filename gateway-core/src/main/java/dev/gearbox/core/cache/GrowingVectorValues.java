package dev.gearbox.core.cache;

import io.github.jbellis.jvector.graph.RandomAccessVectorValues;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import java.util.Arrays;

/**
 * The graph's vectors by node number in a plain array (a map would box every node number the search
 * visits). Written by one thread at a time; read concurrently: a reader sees the array as it was
 * published, and the graph only names nodes whose vector was set before they were added.
 */
final class GrowingVectorValues implements RandomAccessVectorValues {
    private final int dimension;
    private volatile VectorFloat<?>[] vectors = new VectorFloat<?>[64];
    private volatile int size;

    GrowingVectorValues(int dimension) {
        this.dimension = dimension;
    }

    /** Sets node {@code ordinal}'s vector (null to free it once the node left the graph). */
    synchronized void set(int ordinal, VectorFloat<?> vector) {
        VectorFloat<?>[] current = vectors;
        if (ordinal >= current.length) {
            current = Arrays.copyOf(current, Math.max(ordinal + 1, current.length * 2));
        }
        current[ordinal] = vector;
        vectors = current;
        if (ordinal >= size) {
            size = ordinal + 1;
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public VectorFloat<?> getVector(int ordinal) {
        return vectors[ordinal];
    }

    @Override
    public boolean isValueShared() {
        return false;
    }

    @Override
    public RandomAccessVectorValues copy() {
        return this;
    }
}
