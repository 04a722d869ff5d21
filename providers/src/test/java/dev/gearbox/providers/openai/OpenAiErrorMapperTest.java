package dev.gearbox.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class OpenAiErrorMapperTest {
    private static final String KEY = "sk-deployment-secret-123456";
    private final DeploymentConfig deployment = new DeploymentConfig("gpt-mini", ProviderKind.OPENAI,
            URI.create("https://api.example.com/v1"), KEY, "gpt-4o-mini", null, null, null, null);
    private final OpenAiErrorMapper mapper = new OpenAiErrorMapper(deployment, new OpenAiCodec(),
            Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC));

    private GatewayException map(int status, String body) {
        return mapper.map(status, new DefaultHttpHeaders(), body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void serverErrorCarriesTheUpstreamMessageAndStatus() {
        GatewayException e = map(503, "{\"error\":{\"message\":\"overloaded\",\"type\":\"server_error\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("upstream gpt-mini returned HTTP 503: overloaded");
        assertThat(e.upstreamStatus()).isEqualTo(503);
    }

    @Test
    void badRequestKeepsTheUpstreamCodeAndParam() {
        GatewayException e = map(400, "{\"error\":{\"message\":\"bad temperature\",\"param\":\"temperature\","
                + "\"code\":\"invalid_value\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(e.param()).isEqualTo("temperature");
        assertThat(e.code()).isEqualTo("invalid_value");
        assertThat(e.getMessage()).endsWith(": bad temperature");
    }

    @Test
    void contextLengthIsRecognisedFromTheCode() {
        GatewayException e = map(400, "{\"error\":{\"message\":\"too long\",\"code\":\"context_length_exceeded\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.CONTEXT_LENGTH_EXCEEDED);
    }

    @Test
    void rejectedKeySaysItWasTheDeploymentsKeyAndRedactsIt() {
        GatewayException e = map(401, "{\"error\":{\"message\":\"Incorrect API key provided: sk-depl****3456. "
                + "Also " + KEY + "\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertThat(e.getMessage()).contains("deployment's upstream API key", "not the client's")
                .doesNotContain(KEY).doesNotContain("sk-depl");
    }

    @Test
    void forbiddenIsPermissionDenied() {
        assertThat(map(403, "{}").kind()).isEqualTo(ErrorKind.PERMISSION_DENIED);
    }

    @Test
    void notFoundNamesTheDeploymentModel() {
        GatewayException e = map(404, "{\"error\":{\"message\":\"The model does not exist\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.MODEL_NOT_FOUND);
        assertThat(e.getMessage()).contains("'gpt-4o-mini'");
    }

    @Test
    void rateLimitParsesRetryAfter() {
        GatewayException e = mapper.map(429, new DefaultHttpHeaders().add("Retry-After", "3"),
                "{\"error\":{\"message\":\"slow down\"}}".getBytes(StandardCharsets.UTF_8));

        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void nonJsonBodyBecomesAShortSingleLineExcerpt() {
        GatewayException e = map(502, "<html>\n<body>Bad gateway" + "x".repeat(500) + "</body></html>");

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).startsWith("upstream gpt-mini returned HTTP 502: <html> <body>Bad gateway")
                .doesNotContain("\n").endsWith("...");
        assertThat(map(500, "").getMessage()).endsWith("(empty body)");
    }

    @Test
    void alternativeErrorShapesAreUnderstood() {
        assertThat(map(500, "{\"error\":\"engine crashed\"}").getMessage()).endsWith(": engine crashed");
        assertThat(map(422, "{\"message\":\"bad field\"}").getMessage()).endsWith(": bad field");
    }

    @Test
    void streamErrorEventIsAnUpstreamError() {
        GatewayException e = mapper.mapStreamError("{\"error\":{\"message\":\"boom\"}}");

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).isEqualTo("upstream gpt-mini sent an error in the stream: boom");
    }
}
