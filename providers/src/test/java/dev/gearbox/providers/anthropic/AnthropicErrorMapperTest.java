package dev.gearbox.providers.anthropic;

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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnthropicErrorMapperTest {
    private static final String KEY = "sk-ant-api03-deploymentkey0001";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private final AnthropicErrorMapper mapper = new AnthropicErrorMapper(new DeploymentConfig("claude",
            ProviderKind.ANTHROPIC, URI.create("https://api.anthropic.com"), KEY, "claude-x", null, null, Map.of(), null),
            CLOCK);

    private static byte[] error(String type, String message) {
        return ("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static HttpHeaders headers(String... pairs) {
        HttpHeaders h = new DefaultHttpHeaders();
        for (int i = 0; i < pairs.length; i += 2) {
            h.add(pairs[i], pairs[i + 1]);
        }
        return h;
    }

    @Test
    void statusesMapLikeOpenAisSoFallbackTreatsThemAlike() {
        assertThat(mapper.map(400, headers(), error("invalid_request_error", "bad")).kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(mapper.map(401, headers(), error("authentication_error", "invalid x-api-key")).kind())
                .isEqualTo(ErrorKind.UPSTREAM_AUTH);
        assertThat(mapper.map(403, headers(), error("permission_error", "no")).kind()).isEqualTo(ErrorKind.UPSTREAM_AUTH);
        assertThat(mapper.map(404, headers(), error("not_found_error", "model: x")).kind()).isEqualTo(ErrorKind.MODEL_NOT_FOUND);
        assertThat(mapper.map(413, headers(), error("request_too_large", "big")).kind()).isEqualTo(ErrorKind.PAYLOAD_TOO_LARGE);
        assertThat(mapper.map(500, headers(), error("api_error", "oops")).kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        GatewayException overloaded = mapper.map(529, headers(), error("overloaded_error", "Overloaded"));
        assertThat(overloaded.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(overloaded.kind().retryable()).isTrue();
        assertThat(overloaded.upstreamStatus()).isEqualTo(529);
        assertThat(overloaded.getMessage()).isEqualTo("upstream claude returned HTTP 529: Overloaded");
    }

    @ParameterizedTest
    @ValueSource(strings = {"prompt is too long: 208310 tokens > 200000 maximum",
            "input length and `max_tokens` exceed context limit: 188240 + 21333 > 200000, decrease input length"})
    void aPromptTooLongIsAContextLengthError(String message) {
        GatewayException e = mapper.map(400, headers(), error("invalid_request_error", message));

        assertThat(e.kind()).isEqualTo(ErrorKind.CONTEXT_LENGTH_EXCEEDED);
        assertThat(e.code()).isEqualTo("context_length_exceeded");
    }

    @Test
    void retryAfterWinsOverTheRateLimitResetHeaders() {
        GatewayException e = mapper.map(429, headers("retry-after", "3", "anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2026-11-24T12:00:20Z"), error("rate_limit_error", "slow down"));

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void withoutRetryAfterTheLastExhaustedLimitsResetIsTheHint() {
        HttpHeaders h = headers("anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2026-11-24T12:00:05Z",
                "anthropic-ratelimit-input-tokens-remaining", "0",
                "anthropic-ratelimit-input-tokens-reset", "2026-11-24T12:00:30Z",
                "anthropic-ratelimit-tokens-remaining", "5000",
                "anthropic-ratelimit-tokens-reset", "2026-11-24T12:01:00Z");

        assertThat(mapper.map(429, h, error("rate_limit_error", "x")).retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(mapper.map(429, headers("anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "garbage"), error("rate_limit_error", "x")).retryAfter()).isNull();
        assertThat(mapper.map(429, headers("anthropic-ratelimit-requests-remaining", "0",
                "anthropic-ratelimit-requests-reset", "2026-11-24T11:59:00Z"), error("rate_limit_error", "x")).retryAfter())
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void authFailuresBlameTheDeploymentsKeyAndNeverQuoteIt() {
        GatewayException e = mapper.map(401, headers(), error("authentication_error", "invalid x-api-key " + KEY));

        assertThat(e.getMessage()).contains("deployment's upstream API key").contains("not the client's")
                .doesNotContain(KEY).doesNotContain("sk-ant");
    }

    @Test
    void aBodyThatIsNotAnthropicsErrorIsQuotedShort() {
        GatewayException e = mapper.map(502, headers(), "<html>Bad gateway</html>".getBytes(StandardCharsets.UTF_8));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).endsWith("<html>Bad gateway</html>");
        assertThat(mapper.map(500, headers(), new byte[0]).getMessage()).endsWith("(empty body)");
    }

    @Test
    void streamErrorEventsMapByTheirType() {
        assertThat(mapper.mapStreamError(new String(error("overloaded_error", "Overloaded"), StandardCharsets.UTF_8))
                .kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(mapper.mapStreamError(new String(error("rate_limit_error", "x"), StandardCharsets.UTF_8)).kind())
                .isEqualTo(ErrorKind.RATE_LIMITED);
        GatewayException apiError = mapper.mapStreamError(new String(error("api_error", "boom"), StandardCharsets.UTF_8));
        assertThat(apiError.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(apiError.getMessage()).isEqualTo("upstream claude sent an error in the stream (api_error): boom");
    }

    @Test
    void aJsonAnswerToAStreamRequestIsAnUpstreamError() {
        GatewayException e = mapper.mapNonStreamAnswer(200, headers("Content-Type", "application/json"),
                "{\"type\":\"message\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(mapper.mapNonStreamAnswer(529, headers(), error("overloaded_error", "Overloaded")).kind())
                .isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
    }
}
