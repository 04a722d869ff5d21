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
    private float[][] vectors = new float[16][];
    private int size;

    @Override
    public void add(long id, float[] vector) {
        lock.writeLock().lock();
        try {
            Integer existing = slots.get(id);
            if (existing != null) {
                vectors[existing] = vector;
                return;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, size * 2);
                vectors = Arrays.copyOf(vectors, size * 2);
            }
            ids[size] = id;
            vectors[size] = vector;
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
                vectors[slot] = vectors[last];
                slots.put(ids[slot], slot);
            }
            vectors[last] = null;
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
                float similarity = VectorIndex.dot(query, vectors[i]);
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
                copy.put(ids[i], vectors[i]);
            }
            return copy;
        } finally {
            lock.readLock().unlock();
        }
    }
}
