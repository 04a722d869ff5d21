package dev.gearbox.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GeminiErrorMapperTest {
    private static final String KEY = "AIzaSyDeploymentKey0123456789abcdefgh";
    private final GeminiErrorMapper mapper = new GeminiErrorMapper(
            new DeploymentConfig("gemini-pro", ProviderKind.GEMINI, URI.create("https://g.example"), KEY,
                    "gemini-2.5-pro", null, null, null, null),
            GeminiFixtures.JSON, Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));

    private GatewayException map(int status, String fixture) {
        return mapper.map(status, new DefaultHttpHeaders(), GeminiFixtures.bytes(fixture));
    }

    @Test
    void resourceExhaustedIsRateLimitedWithTheRetryInfoDelay() {
        GatewayException e = map(429, "error-429.json");

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(13));
        assertThat(e.upstreamStatus()).isEqualTo(429);
        assertThat(e.getMessage()).contains("gemini-pro").contains("RESOURCE_EXHAUSTED").contains("quota");
    }

    @Test
    void withoutRetryInfoTheRetryAfterHeaderIsTheHint() {
        HttpHeaders headers = new DefaultHttpHeaders().add("Retry-After", "7");

        GatewayException e = mapper.map(429, headers, "{\"error\":{\"code\":429,\"status\":\"RESOURCE_EXHAUSTED\"}}"
                .getBytes(StandardCharsets.UTF_8));

        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void anInvalidKeyIsTheDeploymentsKeyEvenOnA400() {
        GatewayException e = map(400, "error-api-key.json");

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_AUTH);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.getMessage()).contains("not the client's");
        assertThat(mapper.map(403, null, "{\"error\":{\"code\":403,\"status\":\"PERMISSION_DENIED\",\"message\":\"no\"}}"
                .getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(ErrorKind.UPSTREAM_AUTH);
    }

    @Test
    void anInputTooLongIsContextLengthExceeded() {
        GatewayException e = map(400, "error-context.json");

        assertThat(e.kind()).isEqualTo(ErrorKind.CONTEXT_LENGTH_EXCEEDED);
        assertThat(e.code()).isEqualTo("context_length_exceeded");
    }

    @Test
    void statusesMapToTheTaxonomy() {
        assertThat(map(503, "error-503.json").kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(mapper.map(400, null, "{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\",\"message\":\"bad\"}}"
                .getBytes(StandardCharsets.UTF_8)).kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(mapper.map(400, null, ("{\"error\":{\"code\":400,\"status\":\"FAILED_PRECONDITION\",\"message\":"
                + "\"User location is not supported\"}}").getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(ErrorKind.UPSTREAM_ERROR);
        GatewayException notFound = mapper.map(404, null, "{\"error\":{\"code\":404,\"status\":\"NOT_FOUND\"}}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(notFound.kind()).isEqualTo(ErrorKind.MODEL_NOT_FOUND);
        assertThat(notFound.getMessage()).contains("gemini-2.5-pro");
        assertThat(mapper.map(500, null, new byte[0]).kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(mapper.map(504, null, "<html>timeout</html>".getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
    }

    @Test
    void keysNeverAppearInMessages() {
        GatewayException e = mapper.map(400, null, ("[{\"error\":{\"code\":400,\"status\":\"INVALID_ARGUMENT\","
                + "\"message\":\"bad key " + KEY + " or AIzaSyOtherKey0123456789abcdefghij\"}}]")
                .getBytes(StandardCharsets.UTF_8));

        assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("AIzaSyOther").contains("[redacted]");
    }

    @Test
    void anErrorInsideAStreamIsAnUpstreamError() {
        GatewayException e = mapper.mapStreamError(GeminiFixtures.tree(
                "{\"error\":{\"code\":500,\"message\":\"Internal error\",\"status\":\"INTERNAL\"}}"));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("INTERNAL").contains("Internal error");
    }
}
