package dev.gearbox.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ErrorBodiesTest {
    private final OpenAiCodec codec = new OpenAiCodec();

    @Test
    void writesOpenAiErrorBodyWithParamAndCode() {
        GatewayException e = new GatewayException(ErrorKind.INVALID_REQUEST, "Missing required parameter: 'model'.",
                "model", "missing_required_parameter", 0, null, null);

        assertThat(new String(codec.writeError(e), StandardCharsets.UTF_8)).isEqualTo(
                "{\"error\":{\"message\":\"Missing required parameter: 'model'.\",\"type\":\"invalid_request_error\","
                        + "\"param\":\"model\",\"code\":\"missing_required_parameter\"}}");
    }

    @Test
    void writesNullParamAndCodeAsJsonNull() {
        GatewayException e = GatewayException.invalid("bad", null);

        assertThat(Fixtures.tree(codec.writeError(e))).isEqualTo(Fixtures.tree(
                "{\"error\":{\"message\":\"bad\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}"));
    }

    @Test
    void writesTheKindsTypeAndDefaultCode() {
        GatewayException e = GatewayException.upstream(ErrorKind.RATE_LIMITED, 429, "slow down", null);

        assertThat(Fixtures.tree(codec.writeError(e)).path("error").toString()).isEqualTo(
                "{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"param\":null,\"code\":\"rate_limit_exceeded\"}");
    }

    @Test
    void readsAnOpenAiErrorBody() {
        UpstreamErrorBody e = codec.readUpstreamError(Fixtures.bytes("error.json"));

        assertThat(e.message()).startsWith("This model's maximum context length is 128000 tokens.");
        assertThat(e.type()).isEqualTo("invalid_request_error");
        assertThat(e.code()).isEqualTo("context_length_exceeded");
        assertThat(e.param()).isEqualTo("messages");
        assertThat(codec.readUpstreamErrorMessage(Fixtures.bytes("error.json"))).isEqualTo(e.message());
    }

    @Test
    void readsStringErrorsAndTopLevelMessages() {
        assertThat(codec.readUpstreamErrorMessage(utf8("{\"error\":\"model overloaded\"}"))).isEqualTo("model overloaded");
        assertThat(codec.readUpstreamErrorMessage(utf8("{\"message\":\"Too many requests\"}")))
                .isEqualTo("Too many requests");
        assertThat(codec.readUpstreamError(utf8("{\"error\":{\"message\":\"x\",\"code\":429}}")).code())
                .isEqualTo("429");
    }

    @Test
    void nonJsonBodiesBecomeAShortSanitizedPrefix() {
        String html = "<html>\r\n<head><title>502 Bad Gateway</title></head>\n\t<body>" + "x".repeat(1000) + "</body>";

        String message = codec.readUpstreamErrorMessage(utf8(html));

        assertThat(message).startsWith("<html> <head><title>502 Bad Gateway</title></head> <body>xxx");
        assertThat(message).hasSizeLessThanOrEqualTo(ErrorBodies.MAX_RAW_PREFIX + 3).endsWith("...");
        assertThat(message).doesNotContain("\n", "\r", "\t");
    }

    @Test
    void emptyAndBlankBodiesAreNamed() {
        assertThat(codec.readUpstreamErrorMessage(new byte[0])).isEqualTo("(empty body)");
        assertThat(codec.readUpstreamErrorMessage(null)).isEqualTo("(empty body)");
        assertThat(codec.readUpstreamErrorMessage(utf8(" \n "))).isEqualTo("(blank body)");
    }

    @Test
    void jsonWithoutAnErrorFallsBackToTheRawPrefix() {
        assertThat(codec.readUpstreamErrorMessage(utf8("{\"detail\":\"Not Found\"}")))
                .isEqualTo("{\"detail\":\"Not Found\"}");
    }

    @Test
    void apiKeyLookalikesAreMasked() {
        String body = "{\"error\":{\"message\":\"Incorrect API key provided: sk-proj-abcdef1234567890. "
                + "Header was Bearer abcdefghijklmnop\"}}";

        String message = codec.readUpstreamErrorMessage(utf8(body));

        assertThat(message).doesNotContain("sk-proj-abcdef1234567890", "abcdefghijklmnop").contains("[redacted]");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
