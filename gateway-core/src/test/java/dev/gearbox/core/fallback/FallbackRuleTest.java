package dev.gearbox.core.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.testing.Errors;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FallbackRuleTest {

    private static GatewayException status(int status) {
        return GatewayException.upstream(ErrorKind.forUpstreamStatus(status), status, "HTTP " + status, null);
    }

    @Test
    void theDefaultFallsBackOnTimeoutsRateLimitsServerErrorsAndConnectFailures() {
        FallbackRule rule = FallbackRule.onRetryable();

        assertThat(rule.fallsBack(status(408))).isTrue();
        assertThat(rule.fallsBack(status(429))).isTrue();
        assertThat(rule.fallsBack(status(500))).isTrue();
        assertThat(rule.fallsBack(status(502))).isTrue();
        assertThat(rule.fallsBack(status(503))).isTrue();
        assertThat(rule.fallsBack(status(504))).isTrue();
        assertThat(rule.fallsBack(Errors.timeout())).isTrue();
        assertThat(rule.fallsBack(Errors.connectRefused())).isTrue();
    }

    @Test
    void theDefaultStopsOnOtherClientErrors() {
        FallbackRule rule = FallbackRule.onRetryable();

        for (int s : new int[] {400, 401, 403, 404, 413, 422}) {
            assertThat(rule.fallsBack(status(s))).as("HTTP %d", s).isFalse();
        }
        assertThat(rule.fallsBack(new GatewayException(ErrorKind.INTERNAL, "bug"))).isFalse();
    }

    @Test
    void rulesComposeWithOr() {
        FallbackRule onlyRateLimits = FallbackRule.onKinds(ErrorKind.RATE_LIMITED);
        FallbackRule rule = onlyRateLimits.or(FallbackRule.onUpstreamStatus(404));

        assertThat(onlyRateLimits.fallsBack(Errors.rateLimited(Duration.ofSeconds(1)))).isTrue();
        assertThat(onlyRateLimits.fallsBack(status(404))).isFalse();
        assertThat(rule.fallsBack(status(404))).isTrue();
        assertThat(rule.fallsBack(status(503))).isFalse();
        assertThat(FallbackRule.never().or(FallbackRule.never()).fallsBack(status(503))).isFalse();
    }
}
