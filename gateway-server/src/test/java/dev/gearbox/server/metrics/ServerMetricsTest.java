package dev.gearbox.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.server.http.ExchangeOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ServerMetrics metrics = new ServerMetrics(registry);

    @Test
    void countsAndTimesEachExchangeByItsTags() {
        ExchangeOutcome ok = new ExchangeOutcome(200, Tier.FAST, "fast-1", ExchangeOutcome.SUCCESS);
        metrics.record("chat_completions", ok, 2_000_000);
        metrics.record("chat_completions", ok, 4_000_000);
        metrics.record("chat_completions", ExchangeOutcome.clientClosed(), 1_000_000);

        var okTimer = registry.get("gearbox.http.request.duration")
                .tags("route", "chat_completions", "status", "2xx", "tier", "fast", "deployment", "fast-1", "outcome", "ok")
                .timer();
        assertThat(okTimer.count()).isEqualTo(2);
        assertThat(okTimer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(6.0);
        assertThat(registry.get("gearbox.http.requests")
                .tags("status", "4xx", "tier", "none", "deployment", "none", "outcome", "cancelled")
                .counter().count()).isEqualTo(1.0);
    }

    @Test
    void statusClasses() {
        assertThat(ServerMetrics.statusClass(200)).isEqualTo("2xx");
        assertThat(ServerMetrics.statusClass(413)).isEqualTo("4xx");
        assertThat(ServerMetrics.statusClass(499)).isEqualTo("4xx");
        assertThat(ServerMetrics.statusClass(503)).isEqualTo("5xx");
    }
}
