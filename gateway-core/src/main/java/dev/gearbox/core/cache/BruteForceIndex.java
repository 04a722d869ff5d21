package dev.gearbox.core.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An exact scan over densely packed vectors: the fastest structure for small scopes and the
 * reference the graph index is checked against. Removal moves the last vector into the hole.
 * Thread-safe (searches share a read lock, writes take the write lock).
 */
final class BruteForceIndex implements VectorIndex {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<Long, Integer> slots = new HashMap<>();
    private long[] ids = new long[16];
    /** Every vector back to back, slot i at {@code i * dimension}: one sequential sweep per search. */
    private float[] vectors;
    private int dimension = -1;
    private int size;

    @Override
    public void add(long id, float[] vector) {
        lock.writeLock().lock();
        try {
            if (dimension < 0) {
                dimension = vector.length;
                vectors = new float[ids.length * dimension];
            } else if (vector.length != dimension) {
                throw new IllegalArgumentException("expected a vector of " + dimension + " dimensions, got " + vector.length);
            }
            Integer existing = slots.get(id);
            if (existing != null) {
                System.arraycopy(vector, 0, vectors, existing * dimension, dimension);
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                vectors = Arrays.copyOf(vectors, size * 2 * dimension);
            }
            ids[size] = id;
            System.arraycopy(vector, 0, vectors, size * dimension, dimension);
            slots.put(id, size++);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void remove(long id) {
        lock.writeLock().lock();
        try {
            Integer slot = slots.remove(id);
            if (slot == null) {
                return;
            }
            int last = --size;
            if (slot != last) {
                ids[slot] = ids[last];
                System.arraycopy(vectors, last * dimension, vectors, slot * dimension, dimension);
                slots.put(ids[slot], slot);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<Neighbour> search(float[] query, float minSimilarity, int limit) {
        List<Neighbour> found = new ArrayList<>();
        lock.readLock().lock();
        try {
            for (int i = 0; i < size; i++) {
                float similarity = dotAt(query, i * dimension);
                if (similarity >= minSimilarity) {
                    found.add(new Neighbour(ids[i], similarity));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        found.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    /** The dot product of {@code query} with the vector at {@code offset}, eight lanes at a time. */
    private float dotAt(float[] query, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
        float[] v = vectors;
        int i = 0;
        int bound = dimension & ~7;
        for (; i < bound; i += 8) {
            int o = offset + i;
            s0 += query[i] * v[o];
            s1 += query[i + 1] * v[o + 1];
            s2 += query[i + 2] * v[o + 2];
            s3 += query[i + 3] * v[o + 3];
            s4 += query[i + 4] * v[o + 4];
            s5 += query[i + 5] * v[o + 5];
            s6 += query[i + 6] * v[o + 6];
            s7 += query[i + 7] * v[o + 7];
        }
        for (; i < dimension; i++) {
            s0 += query[i] * v[offset + i];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** A copy of every entry, for building a graph index from this one. */
    Map<Long, float[]> entries() {
        lock.readLock().lock();
        try {
            Map<Long, float[]> copy = new HashMap<>();
            for (int i = 0; i < size; i++) {
                copy.put(ids[i], Arrays.copyOfRange(vectors, i * dimension, (i + 1) * dimension));
            }
            return copy;
        } finally {
            lock.readLock().unlock();
        }
    }
}
