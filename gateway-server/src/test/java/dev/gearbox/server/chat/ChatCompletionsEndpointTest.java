package dev.gearbox.server.chat;

import static dev.gearbox.server.testing.ServerHarness.exchange;
import static dev.gearbox.server.testing.ServerHarness.json;
import static dev.gearbox.server.testing.ServerHarness.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.server.testing.Samples;
import dev.gearbox.server.testing.ServerHarness;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChatCompletionsEndpointTest {
    private final ServerHarness harness = new ServerHarness();
    private final EmbeddedChannel channel = harness.channel();

    @Test
    void aCompletedAnswerIsJsonWithTheGearboxHeaders() {
        FullHttpRequest request = post("/v1/chat/completions", Samples.CHAT_BODY);
        request.headers().set("x-request-id", "client-7");
        channel.writeInbound(request);
        harness.nanos.addAndGet(5_420_000); // 5 ms upstream + 0.42 ms of our own
        harness.gateway.answer.complete(Samples.answer("hello"));
        channel.runPendingTasks();

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(200);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(response.headers().getInt(HttpHeaderNames.CONTENT_LENGTH)).isEqualTo(response.content().readableBytes());
        assertThat(response.headers().get("x-gearbox-request-id")).isEqualTo("client-7");
        assertThat(response.headers().get("x-gearbox-tier")).isEqualTo("fast");
        assertThat(response.headers().get("x-gearbox-deployment")).isEqualTo("fast-1");
        assertThat(response.headers().get("x-gearbox-attempts")).isEqualTo("2");
        assertThat(response.headers().get("x-gearbox-overhead-ms")).isEqualTo("0.42");
        assertThat(json(response).at("/choices/0/message/content").asText()).isEqualTo("hello");
    }

    @Test
    void theGatewayGetsTheRequestAndAContextWithoutTheClientsKey() {
        FullHttpRequest request = post("/v1/chat/completions", Samples.CHAT_BODY);
        request.headers().set(HttpHeaderNames.AUTHORIZATION, "Bearer sk-client-secret");
        request.headers().set("X-Gearbox-Tier", "frontier");
        request.headers().set("x-request-id", "r1");
        channel.writeInbound(request);

        assertThat(harness.gateway.requests).singleElement()
                .satisfies(r -> assertThat(r.model()).isEqualTo("auto"));
        RequestContext context = harness.gateway.contexts.get(0);
        assertThat(context.requestId()).isEqualTo("r1");
        assertThat(context.startNanos()).isEqualTo(1_000_000_000L);
        assertThat(context.tenant()).startsWith("key-").doesNotContain("sk-client-secret");
        assertThat(context.gearboxHeaders()).containsExactlyEntriesOf(java.util.Map.of("x-gearbox-tier", "frontier"));
        assertThat(context.toString()).doesNotContain("secret");
    }

    @Test
    void aGatewayErrorIsAnOpenAiErrorWithItsStatus() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));
        harness.gateway.answer.completeExceptionally(new GatewayException(ErrorKind.MODEL_NOT_FOUND,
                "The model `gpt-9` does not exist", "model", "model_not_found", 0, null, null));
        channel.runPendingTasks();

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(404);
        assertThat(response.headers().get("x-gearbox-request-id")).isNotBlank();
        assertThat(json(response).get("error").get("param").asText()).isEqualTo("model");
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("model_not_found");
        assertThat(response.headers().contains(HttpHeaderNames.RETRY_AFTER)).isFalse();
    }

    @Test
    void aRateLimitCarriesRetryAfter() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));
        harness.gateway.answer.completeExceptionally(GatewayException.upstream(ErrorKind.RATE_LIMITED, 429,
                "Rate limit reached", Duration.ofMillis(1500)));
        channel.runPendingTasks();

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(429);
        assertThat(response.headers().get(HttpHeaderNames.RETRY_AFTER)).isEqualTo("2");
        assertThat(json(response).at("/error/type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void anUnexpectedFailureIsA500WithoutItsMessage() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));
        harness.gateway.answer.completeExceptionally(new IllegalStateException("key sk-abc leaked"));
        channel.runPendingTasks();

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(500);
        assertThat(ServerHarness.body(response)).doesNotContain("sk-abc");
    }

    @Test
    void malformedJsonIsA400() {
        FullHttpResponse response = exchange(channel, post("/v1/chat/completions", "{\"model\":"));

        assertThat(response.status().code()).isEqualTo(400);
        assertThat(json(response).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(harness.gateway.requests).isEmpty();
    }

    @Test
    void aNonJsonContentTypeIs415() {
        FullHttpRequest request = post("/v1/chat/completions", Samples.CHAT_BODY);
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain");

        FullHttpResponse response = exchange(channel, request);

        assertThat(response.status().code()).isEqualTo(415);
        assertThat(json(response).at("/error/code").asText()).isEqualTo("unsupported_media_type");
        assertThat(json(response).at("/error/message").asText()).contains("text/plain", "application/json");
        assertThat(harness.gateway.requests).isEmpty();
    }

    @Test
    void aMissingContentTypeIsAccepted() {
        FullHttpRequest request = post("/v1/chat/completions", Samples.CHAT_BODY);
        request.headers().remove(HttpHeaderNames.CONTENT_TYPE);

        channel.writeInbound(request);

        assertThat(harness.gateway.requests).hasSize(1);
    }

    @Test
    void aClientThatDisconnectsCancelsTheGatewayCall() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));

        channel.close();

        assertThat(harness.gateway.answer).isCancelled();
        assertThat(harness.state.inFlight()).isZero();
        assertThat(harness.registry.scrape()).contains("outcome=\"cancelled\",route=\"chat_completions\",status=\"4xx\"");
    }

    @Test
    void anAnswerAfterTheClientLeftIsDropped() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));
        channel.close();
        channel.readOutbound();

        harness.gateway.answer.obtrudeValue(Samples.answer("late"));
        channel.runPendingTasks();

        assertThat((Object) channel.readOutbound()).isNull();
    }

    @Test
    void successIsCountedWithTierAndDeployment() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));
        harness.gateway.answer.complete(Samples.answer("hello"));
        channel.runPendingTasks();

        assertThat(harness.registry.scrape()).contains("gearbox_http_requests_total{deployment=\"fast-1\",outcome=\"ok\","
                + "route=\"chat_completions\",status=\"2xx\",tier=\"fast\"} 1.0");
    }
}
