package dev.gearbox.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class StreamLatencyProbeTest {
    @Test
    void percentileUsesTheNearestRank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertThat(StreamLatencyProbe.percentile(sorted, 0.50)).isEqualTo(50);
        assertThat(StreamLatencyProbe.percentile(sorted, 0.99)).isEqualTo(99);
        assertThat(StreamLatencyProbe.percentile(new long[0], 0.5)).isZero();
    }

    @Test
    void measuresFirstChunkDelayDirectlyAgainstTheMock() throws Exception {
        try (MockUpstreamServer server = MockUpstreamServer.start()) {
            var result = new StreamLatencyProbe(server.baseUrl().resolve("/v1/chat/completions"), "ok", null)
                    .run(2, 10);
            assertThat(result.samples()).isEqualTo(10);
            assertThat(result.p50()).isBetween(0L, 1_000_000L);
            assertThat(result.max()).isGreaterThanOrEqualTo(result.p99()).isGreaterThanOrEqualTo(result.p50());
        }
    }
}
