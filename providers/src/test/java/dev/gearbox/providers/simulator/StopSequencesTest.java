package dev.gearbox.providers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StopSequencesTest {
    private static final List<String> PIECES = List.of("This", " is", " a", " simulated", " answer.");

    @Test
    void cutsBeforeTheEarliestStopStringEvenInsideAPiece() {
        assertThat(StopSequences.cut(PIECES, List.of("answer", "simul"))).containsExactly("This", " is", " a", " ");
        assertThat(StopSequences.cut(PIECES, List.of(" is"))).containsExactly("This");
        assertThat(StopSequences.cut(PIECES, List.of("This"))).isEmpty();
    }

    @Test
    void leavesTextWithoutAStopStringAlone() {
        assertThat(StopSequences.cut(PIECES, List.of("zebra", ""))).isEqualTo(PIECES);
        assertThat(StopSequences.cut(PIECES, null)).isEqualTo(PIECES);
    }
}
