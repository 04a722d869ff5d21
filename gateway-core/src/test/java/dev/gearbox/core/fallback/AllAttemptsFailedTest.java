package dev.gearbox.core.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.testing.Errors;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AllAttemptsFailedTest {

    private static Attempt attempt(String name, Tier tier, GatewayException e) {
        return new Attempt(name, tier, 1, e.kind(), e.upstreamStatus(), AttemptLog.describe(e));
    }

    @Test
    void everyTimeoutIsA504() {
        List<GatewayException> f = List.of(Errors.timeout(), Errors.timeout());
        GatewayException e = AllAttemptsFailed.of(
                List.of(attempt("a", Tier.FAST, f.get(0)), attempt("b", Tier.BALANCED, f.get(1))), f);

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
        assertThat(e.httpStatus()).isEqualTo(504);
        assertThat(e.getMessage()).isEqualTo("All 2 attempts failed: a (fast): first-byte timeout after 2000 ms;"
                + " b (balanced): first-byte timeout after 2000 ms");
    }

    @Test
    void unavailableOrRateLimitedIsA503WithTheShortestRetryAfter() {
        List<GatewayException> f = List.of(Errors.unavailable(), Errors.rateLimited(Duration.ofSeconds(7)),
                Errors.rateLimited(Duration.ofSeconds(3)));
        GatewayException e = AllAttemptsFailed.of(List.of(attempt("a", Tier.FAST, f.get(0)),
                attempt("b", Tier.FAST, f.get(1)), attempt("c", null, f.get(2))), f);

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
        assertThat(e.getMessage()).isEqualTo("All 3 attempts failed: a (fast): HTTP 503: upstream unavailable;"
                + " b (fast): HTTP 429: rate limit exceeded; c: HTTP 429: rate limit exceeded");
    }

    @Test
    void anyOtherMixIsA502() {
        List<GatewayException> f = List.of(Errors.timeout(), Errors.serverError());
        GatewayException e = AllAttemptsFailed.of(
                List.of(attempt("a", Tier.FAST, f.get(0)), attempt("b", Tier.FAST, f.get(1))), f);

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.httpStatus()).isEqualTo(502);
        assertThat(e.retryAfter()).isNull();
    }

    @Test
    void aSingleAttemptIsNamedAsSuch() {
        List<GatewayException> f = List.of(Errors.serverError());
        GatewayException e = AllAttemptsFailed.of(List.of(attempt("a", null, f.get(0))), f);

        assertThat(e.getMessage()).isEqualTo("The only attempt failed: a: HTTP 500: internal server error");
    }

    @Test
    void longUpstreamMessagesAreShortened() {
        GatewayException e = GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 500, "x".repeat(1000), null);

        assertThat(AttemptLog.describe(e)).hasSize(203).startsWith("HTTP 500: xxx").endsWith("...");
    }
}
