package dev.gearbox.classifier.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.gearbox.classifier.data.RoutingRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordProblemFeaturesTest {

    @Test
    void countsDistinctQuantitiesSentencesOperationsAndFractions() {
        double[] f = WordProblemFeatures.of(
                "Tom has 12 apples and gives half to each of 3 friends. Each friend eats 1.5 apples. How many are left? 12 again");

        assertThat(f).hasSize(WordProblemFeatures.COUNT);
        assertThat(f[0]).isCloseTo(Math.log1p(3), offset(1e-9)); // 12, 3, 1.5
        assertThat(f[1]).isCloseTo(Math.log1p(3), offset(1e-9));
        assertThat(f[2]).isCloseTo(Math.log1p(5), offset(1e-9)); // half, each, each, how many, left
        assertThat(f[3]).isCloseTo(Math.log1p(1), offset(1e-9));
        assertThat(f[4]).isCloseTo(Math.log10(13), offset(1e-9));
    }

    @Test
    void aPromptWithoutNumbersHasZeroQuantities() {
        assertThat(WordProblemFeatures.of("write a poem")).containsExactly(0, 0, 0, 0, 0);
    }

    @Test
    void smallSourcesAreRepeatedTowardsTheLargestCapped() {
        RoutingRow big = new RoutingRow("b", "big", "d", "binary", List.of(), 0, 1, null, null);
        RoutingRow small = new RoutingRow("s", "small", "d", "binary", List.of(), 0, 1, null, null);
        List<RoutingRow> rows = List.of(big, big, big, big, big, big, big, big, big, big, big, big, big, big, big, big,
                big, big, big, big, small, small);

        int[] repeat = CompareVariants.balancedRepeats(rows);

        assertThat(repeat[0]).isEqualTo(1);
        assertThat(repeat[21]).isEqualTo(8); // 20 / 2 = 10, capped at 8
    }
}
