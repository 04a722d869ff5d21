package dev.gearbox.core.cache;

import java.util.List;

/**
 * Nearest-neighbour search over L2-normalized vectors by cosine similarity (their dot product).
 * Writes may run concurrently with searches; implementations say whether writes may also run
 * concurrently with each other.
 */
interface VectorIndex {
    void add(long id, float[] vector);

    void remove(long id);

    /** Up to {@code limit} entries with similarity at least {@code minSimilarity}, most similar first. */
    List<Neighbour> search(float[] query, float minSimilarity, int limit);

    int size();

    /** An entry found by a search. */
    record Neighbour(long id, float similarity) {
    }

    /** The dot product of two vectors of the same length, four lanes at a time. */
    static float dot(float[] a, float[] b) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        int bound = a.length & ~3;
        for (; i < bound; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
