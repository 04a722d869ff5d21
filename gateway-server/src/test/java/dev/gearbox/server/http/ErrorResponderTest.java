package dev.gearbox.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.providers.openai.OpenAiCodec;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorResponderTest {
    private final ErrorResponder responder = new ErrorResponder(new OpenAiCodec()::writeError);

    @Test
    void theStatusAndBodyComeFromTheError() {
        FullHttpResponse response = responder.toResponse(GatewayException.invalid("bad temperature", "temperature"));

        assertThat(response.status()).isEqualTo(HttpResponseStatus.BAD_REQUEST);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(response.content().readableBytes());
        assertThat(response.content().toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":{\"message\":\"bad temperature\",\"type\":\"invalid_request_error\","
                        + "\"param\":\"temperature\",\"code\":null}}");
        response.release();
    }

    @Test
    void retryAfterIsSentOn429And503RoundedUpToWholeSeconds() {
        FullHttpResponse limited = responder.toResponse(
                GatewayException.upstream(ErrorKind.RATE_LIMITED, 429, "slow down", Duration.ofMillis(2001)));
        FullHttpResponse unavailable = responder.toResponse(
                GatewayException.upstream(ErrorKind.UPSTREAM_UNAVAILABLE, 503, "down", Duration.ofSeconds(5)));
        FullHttpResponse badGateway = responder.toResponse(
                GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 500, "broken", Duration.ofSeconds(5)));
        FullHttpResponse noHint = responder.toResponse(
                GatewayException.upstream(ErrorKind.RATE_LIMITED, 429, "slow down", null));

        assertThat(limited.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("3");
        assertThat(unavailable.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("5");
        assertThat(badGateway.headers().contains(HttpHeaderNames.RETRY_AFTER)).isFalse();
        assertThat(noHint.headers().contains(HttpHeaderNames.RETRY_AFTER)).isFalse();
        assertThat(ErrorResponder.retryAfterSeconds(Duration.ofSeconds(4))).isEqualTo("4");
        assertThat(ErrorResponder.retryAfterSeconds(Duration.ZERO)).isEqualTo("0");
    }

    @Test
    void anExplicitStatusOverridesTheKinds() {
        FullHttpResponse response = responder.toResponse(HttpResponseStatus.EXPECTATION_FAILED,
                GatewayException.invalid("bad expect", null));

        assertThat(response.status().code()).isEqualTo(417);
    }
}
