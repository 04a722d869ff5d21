package dev.gearbox.core.cache;

import static dev.gearbox.core.cache.CacheTesting.near;
import static dev.gearbox.core.cache.CacheTesting.unit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exact scan, the graph index checked against it, and the scope index that switches between them. */
class VectorIndexTest {
    private static final int DIM = 384;

    @Test
    void bruteForceFindsTheMostSimilarAboveTheThresholdAndForgetsRemovedOnes() {
        Random random = new Random(1);
        float[] base = unit(random, DIM);
        BruteForceIndex index = new BruteForceIndex();
        index.add(1, base);
        index.add(2, near(base, 0.95, random));
        index.add(3, near(base, 0.5, random));

        List<VectorIndex.Neighbour> found = index.search(base, 0.9f, 5);
        assertThat(found).extracting(VectorIndex.Neighbour::id).containsExactly(1L, 2L);
        assertThat(found.get(0).similarity()).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));

        index.remove(1);
        assertThat(index.search(base, 0.9f, 5)).extracting(VectorIndex.Neighbour::id).containsExactly(2L);
        assertThat(index.size()).isEqualTo(2);
    }

    @Test
    void theGraphFindsPlantedNearDuplicatesAmongThousands() {
        Random random = new Random(2);
        GraphVectorIndex graph = new GraphVectorIndex(DIM);
        BruteForceIndex scan = new BruteForceIndex();
        for (long id = 0; id < 2000; id++) {
            float[] v = unit(random, DIM);
            graph.add(id, v);
            scan.add(id, v);
        }
        int found = 0;
        for (int q = 0; q < 100; q++) {
            long target = random.nextInt(2000);
            float[] query = near(scan.entries().get(target), 0.95, random);
            List<VectorIndex.Neighbour> exact = scan.search(query, 0.9f, 1);
            List<VectorIndex.Neighbour> approx = graph.search(query, 0.9f, 1);
            assertThat(exact).extracting(VectorIndex.Neighbour::id).containsExactly(target);
            if (!approx.isEmpty() && approx.get(0).id() == target) {
                found++;
                assertThat(approx.get(0).similarity()).isCloseTo(exact.get(0).similarity(), org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
        // random 384-d vectors are the hardest case for a graph; a neighbour it misses costs a cache hit, never a wrong one
        assertThat(found).as("recall of planted neighbours").isGreaterThanOrEqualTo(95);
    }

    @Test
    void theGraphNeverReturnsRemovedEntriesAndSurvivesPurgesAndRebuilds() {
        Random random = new Random(3);
        GraphVectorIndex graph = new GraphVectorIndex(DIM, 64);
        float[][] vectors = new float[1000][];
        for (int id = 0; id < vectors.length; id++) {
            vectors[id] = unit(random, DIM);
            graph.add(id, vectors[id]);
            if (id >= 100) {
                graph.remove(id - 100); // a sliding window of 100 live entries: purges and rebuilds happen
            }
        }
        assertThat(graph.size()).isEqualTo(100);
        assertThat(graph.search(vectors[100], 0.9f, 1)).isEmpty();
        for (int id = 900; id < 1000; id++) {
            assertThat(graph.search(vectors[id], 0.99f, 1)).extracting(VectorIndex.Neighbour::id).containsExactly((long) id);
        }
    }

    @Test
    void aScopeSwitchesToTheGraphAtItsThresholdAndKeepsItsEntries() {
        Random random = new Random(4);
        ScopeIndex scope = new ScopeIndex(DIM, 100);
        float[] first = unit(random, DIM);
        scope.add(0, first);
        for (long id = 1; id < 99; id++) {
            scope.add(id, unit(random, DIM));
        }
        assertThat(scope.usesGraph()).isFalse();
        scope.add(99, unit(random, DIM));

        assertThat(scope.usesGraph()).isTrue();
        assertThat(scope.size()).isEqualTo(100);
        assertThat(scope.search(first, 0.99f, 1)).extracting(VectorIndex.Neighbour::id).containsExactly(0L);
    }
}
