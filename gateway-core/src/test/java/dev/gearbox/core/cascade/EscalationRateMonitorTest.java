package dev.gearbox.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.config.Tier;
import dev.gearbox.core.metrics.GatewayMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class EscalationRateMonitorTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EscalationRateMonitor monitor = new EscalationRateMonitor(10, 0.6, new GatewayMetrics(registry));

    private double weakWindows(Tier tier) {
        var c = registry.find("gearbox.cascade.weak_start").tag("tier", tier.wire()).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aWindowAboveTheShareIsCountedOnceWhenItCloses() {
        for (int i = 0; i < 9; i++) {
            assertThat(monitor.record(Tier.FAST, true)).isFalse();
        }
        assertThat(monitor.record(Tier.FAST, false)).as("9 of 10 escalated").isTrue();
        assertThat(weakWindows(Tier.FAST)).isEqualTo(1);
    }

    @Test
    void aWindowAtOrBelowTheShareIsQuietAndTiersAreCountedApart() {
        for (int i = 0; i < 10; i++) {
            monitor.record(Tier.FAST, i < 6);
            monitor.record(Tier.BALANCED, true);
        }
        assertThat(weakWindows(Tier.FAST)).isZero();
        assertThat(weakWindows(Tier.BALANCED)).isEqualTo(1);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new EscalationRateMonitor(0, 0.6, GatewayMetrics.disabled()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EscalationRateMonitor(10, 1.5, GatewayMetrics.disabled()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
