package dev.gearbox.core.cache;

import io.github.jbellis.jvector.graph.GraphIndexBuilder;
import io.github.jbellis.jvector.graph.GraphSearcher;
import io.github.jbellis.jvector.graph.SearchResult;
import io.github.jbellis.jvector.graph.similarity.BuildScoreProvider;
import io.github.jbellis.jvector.graph.similarity.SearchScoreProvider;
import io.github.jbellis.jvector.util.Bits;
import io.github.jbellis.jvector.vector.VectorSimilarityFunction;
import io.github.jbellis.jvector.vector.VectorizationProvider;
import io.github.jbellis.jvector.vector.types.VectorFloat;
import io.github.jbellis.jvector.vector.types.VectorTypeSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An approximate nearest-neighbour graph (jvector's Vamana/DiskANN graph, kept on the heap) for
 * scopes too large to scan within the latency budget. The graph proposes {@link #CANDIDATES}
 * neighbours; their similarity is then computed exactly from the stored vectors, so a reported
 * similarity is never approximate. Removed entries are masked at once and purged from the graph in
 * batches; the graph is rebuilt when its node numbers have grown far beyond the live entries.
 * Searches run concurrently with each other and with adds; adds are serialized.
 */
final class GraphVectorIndex implements VectorIndex {
    /** Graph degree and construction beam: jvector's recommended defaults for ~400-dimensional text embeddings. */
    private static final int DEGREE = 16;
    private static final int BEAM_WIDTH = 100;
    private static final float NEIGHBOR_OVERFLOW = 1.2f;
    private static final float ALPHA = 1.2f;
    /** Neighbours the graph search returns before exact rescoring (more than any caller asks for). */
    static final int CANDIDATES = 16;
    private static final VectorTypeSupport VECTORS = VectorizationProvider.getInstance().getVectorTypeSupport();

    /** Below this many entries deleted nodes are not purged and node numbers not compacted. */
    static final int DEFAULT_MAINTENANCE_FLOOR = 1024;

    private final int dimension;
    private final int maintenanceFloor;
    /** Purges and rebuilds take it exclusively; searches and adds share it. */
    private final ReadWriteLock structure = new ReentrantReadWriteLock();
    private final Object writer = new Object();
    private final Map<Long, Integer> ordinals = new ConcurrentHashMap<>();
    private final Map<Integer, Long> liveIds = new ConcurrentHashMap<>();
    private GrowingVectorValues values;
    private Map<Integer, float[]> rawVectors;
    private GraphIndexBuilder builder;
    private int nextOrdinal;
    private int deletedSincePurge;

    GraphVectorIndex(int dimension) {
        this(dimension, DEFAULT_MAINTENANCE_FLOOR);
    }

    GraphVectorIndex(int dimension, int maintenanceFloor) {
        this.dimension = dimension;
        this.maintenanceFloor = maintenanceFloor;
        reset();
    }

    /** A graph holding {@code entries}. */
    static GraphVectorIndex of(int dimension, Map<Long, float[]> entries) {
        GraphVectorIndex index = new GraphVectorIndex(dimension);
        entries.forEach(index::add);
        return index;
    }

    @Override
    public void add(long id, float[] vector) {
        if (vector.length != dimension) {
            throw new IllegalArgumentException("expected a vector of " + dimension + " dimensions, got " + vector.length);
        }
        synchronized (writer) {
            remove(id);
            if (nextOrdinal > 4 * Math.max(maintenanceFloor, ordinals.size())) {
                rebuild();
            }
            structure.readLock().lock();
            try {
                insert(id, vector);
            } finally {
                structure.readLock().unlock();
            }
        }
    }

    @Override
    public void remove(long id) {
        synchronized (writer) {
            Integer ordinal = ordinals.remove(id);
            if (ordinal == null) {
                return;
            }
            structure.readLock().lock();
            try {
                liveIds.remove(ordinal);
                builder.markNodeDeleted(ordinal);
                deletedSincePurge++;
            } finally {
                structure.readLock().unlock();
            }
            if (deletedSincePurge > Math.max(maintenanceFloor / 4, ordinals.size() / 4)) {
                purge();
            }
        }
    }

    @Override
    public List<Neighbour> search(float[] query, float minSimilarity, int limit) {
        structure.readLock().lock();
        try {
            if (liveIds.isEmpty()) {
                return List.of();
            }
            SearchScoreProvider scores = SearchScoreProvider.exact(VECTORS.createFloatVector(query),
                    VectorSimilarityFunction.DOT_PRODUCT, values);
            Bits live = liveIds::containsKey;
            SearchResult result;
            try (GraphSearcher searcher = new GraphSearcher(builder.getGraph())) {
                result = searcher.search(scores, Math.max(limit, CANDIDATES), live);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            List<Neighbour> found = new ArrayList<>();
            for (SearchResult.NodeScore node : result.getNodes()) {
                Long id = liveIds.get(node.node);
                float[] vector = rawVectors.get(node.node);
                if (id != null && vector != null) {
                    float similarity = VectorIndex.dot(query, vector);
                    if (similarity >= minSimilarity) {
                        found.add(new Neighbour(id, similarity));
                    }
                }
            }
            found.sort(Comparator.comparingDouble(Neighbour::similarity).reversed());
            return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
        } finally {
            structure.readLock().unlock();
        }
    }

    @Override
    public int size() {
        return ordinals.size();
    }

    /** Drops the deleted nodes from the graph (which then repairs their neighbours' edges). */
    private void purge() {
        structure.writeLock().lock();
        try {
            builder.removeDeletedNodes();
            for (Integer ordinal : List.copyOf(rawVectors.keySet())) {
                if (!liveIds.containsKey(ordinal)) {
                    rawVectors.remove(ordinal);
                    values.set(ordinal, null);
                }
            }
            deletedSincePurge = 0;
        } finally {
            structure.writeLock().unlock();
        }
    }

    /** Renumbers the live entries from zero into a fresh graph, so node numbers stay bounded. */
    private void rebuild() {
        structure.writeLock().lock();
        try {
            Map<Long, float[]> live = new java.util.HashMap<>();
            liveIds.forEach((ordinal, id) -> live.put(id, rawVectors.get(ordinal)));
            reset();
            live.forEach(this::insert);
        } finally {
            structure.writeLock().unlock();
        }
    }

    /** Adds one vector under a fresh ordinal; the caller holds the structure lock. */
    private void insert(long id, float[] vector) {
        int ordinal = nextOrdinal++;
        VectorFloat<?> v = VECTORS.createFloatVector(vector);
        values.set(ordinal, v);
        rawVectors.put(ordinal, vector);
        builder.addGraphNode(ordinal, v);
        ordinals.put(id, ordinal);
        liveIds.put(ordinal, id);
    }

    private void reset() {
        ordinals.clear();
        liveIds.clear();
        rawVectors = new ConcurrentHashMap<>();
        values = new GrowingVectorValues(dimension);
        builder = new GraphIndexBuilder(BuildScoreProvider.randomAccessScoreProvider(values,
                VectorSimilarityFunction.DOT_PRODUCT), dimension, DEGREE, BEAM_WIDTH, NEIGHBOR_OVERFLOW, ALPHA);
        nextOrdinal = 0;
        deletedSincePurge = 0;
    }
}
