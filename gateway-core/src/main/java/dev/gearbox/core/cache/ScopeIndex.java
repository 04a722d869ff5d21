package dev.gearbox.core.cache;

import java.util.List;

/**
 * The index of one semantic scope: an exact scan while the scope is small, a graph index
 * ({@link GraphVectorIndex}) once it reaches {@code graphFrom} entries, where a scan of 384-dimension
 * vectors stops fitting the sub-millisecond lookup budget (measured: docs/caches.md). Writes are
 * serialized; searches run concurrently with them.
 */
final class ScopeIndex implements VectorIndex {
    /** Where the scan costs about as much as a graph search (JMH, CacheLookupBenchmark). */
    static final int DEFAULT_GRAPH_FROM = 2048;

    private final int dimension;
    private final int graphFrom;
    private volatile VectorIndex delegate = new BruteForceIndex();

    ScopeIndex(int dimension, int graphFrom) {
        this.dimension = dimension;
        this.graphFrom = graphFrom;
    }

    @Override
    public synchronized void add(long id, float[] vector) {
        delegate.add(id, vector);
        if (delegate instanceof BruteForceIndex scan && scan.size() >= graphFrom) {
            delegate = GraphVectorIndex.of(dimension, scan.entries());
        }
    }

    @Override
    public synchronized void remove(long id) {
        delegate.remove(id);
    }

    @Override
    public List<Neighbour> search(float[] query, float minSimilarity, int limit) {
        return delegate.search(query, minSimilarity, limit);
    }

    @Override
    public int size() {
        return delegate.size();
    }

    boolean usesGraph() {
        return delegate instanceof GraphVectorIndex;
    }
}
