package dev.gearbox.server.http;

import static dev.gearbox.server.testing.ServerHarness.exchange;
import static dev.gearbox.server.testing.ServerHarness.get;
import static dev.gearbox.server.testing.ServerHarness.json;
import static dev.gearbox.server.testing.ServerHarness.post;
import static dev.gearbox.server.testing.ServerHarness.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.server.testing.Samples;
import dev.gearbox.server.testing.ServerHarness;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;

class RequestRouterTest {
    private final ServerHarness harness = new ServerHarness();
    private final EmbeddedChannel channel = harness.channel();

    @Test
    void unknownPathIsAnOpenAiNotFoundError() {
        FullHttpResponse response = exchange(channel, post("/v1/completions", "{}"));

        assertThat(response.status().code()).isEqualTo(404);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        JsonNode error = json(response).get("error");
        assertThat(error.get("message").asText()).isEqualTo("Invalid URL (POST /v1/completions)");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("code").asText()).isEqualTo("not_found");
        assertThat(error.has("param")).isTrue();
        assertThat(error.get("param").isNull()).isTrue();
    }

    @Test
    void onlyTheV1PrefixedPathsExist() {
        assertThat(exchange(channel, post("/chat/completions", Samples.CHAT_BODY)).status().code()).isEqualTo(404);
        assertThat(exchange(channel, get("/models")).status().code()).isEqualTo(404);
        assertThat(exchange(channel, get("/v1/models/")).status().code()).isEqualTo(404);
        assertThat(harness.gateway.requests).isEmpty();
    }

    @Test
    void wrongMethodOnAKnownPathIs405WithAllow() {
        FullHttpResponse response = exchange(channel, get("/v1/chat/completions"));

        assertThat(response.status().code()).isEqualTo(405);
        assertThat(response.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("POST");
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("method_not_allowed");
        assertThat(error.get("message").asText()).contains("GET", "/v1/chat/completions", "POST");

        FullHttpResponse models = exchange(channel, request(HttpMethod.DELETE, "/v1/models", null));
        assertThat(models.status().code()).isEqualTo(405);
        assertThat(models.headers().get(HttpHeaderNames.ALLOW)).isEqualTo("GET");
    }

    @Test
    void queryStringsDoNotAffectRouting() {
        assertThat(exchange(channel, get("/health/live?probe=k8s")).status().code()).isEqualTo(200);
        assertThat(exchange(channel, get("/v1/models?limit=1")).status().code()).isEqualTo(200);
    }

    @Test
    void everyResponseCarriesARequestIdEchoingASaneClientId() {
        FullHttpRequest withId = get("/health/live");
        withId.headers().set("x-request-id", "req-42.a:b_c");
        assertThat(exchange(channel, withId).headers().get("x-gearbox-request-id")).isEqualTo("req-42.a:b_c");

        FullHttpRequest insane = get("/nowhere");
        insane.headers().set("x-request-id", "has spaces\tand tabs");
        String generated = exchange(channel, insane).headers().get("x-gearbox-request-id");
        assertThat(generated).startsWith("gbx-").doesNotContain(" ");
    }

    @Test
    void malformedHttpIsA400AndClosesTheConnection() {
        FullHttpRequest broken = get("/health/live");
        broken.setDecoderResult(DecoderResult.failure(new IllegalArgumentException("bad header")));

        FullHttpResponse response = exchange(channel, broken);

        assertThat(response.status().code()).isEqualTo(400);
        assertThat(json(response).at("/error/type").asText()).isEqualTo("invalid_request_error");
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anEndpointThatThrowsYieldsAnInternalErrorWithoutDetails() {
        ServerHarness local = new ServerHarness();
        RouteTable routes = RouteTable.builder()
                .add(HttpMethod.GET, "/boom", "boom", (request, exchange) -> {
                    throw new IllegalStateException("secret detail sk-123");
                })
                .build();
        EmbeddedChannel ch = new EmbeddedChannel(new RequestRouter(routes, local.services));

        FullHttpResponse response = exchange(ch, get("/boom"));

        assertThat(response.status().code()).isEqualTo(500);
        assertThat(ServerHarness.body(response)).doesNotContain("secret", "sk-123");
        assertThat(json(response).at("/error/type").asText()).isEqualTo("server_error");
    }

    @Test
    void exchangesAreCountedInFlightUntilAnswered() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));
        assertThat(harness.state.inFlight()).isEqualTo(1);

        harness.gateway.answer.complete(Samples.answer("hello"));
        channel.runPendingTasks();

        assertThat((Object) channel.readOutbound()).isNotNull();
        assertThat(harness.state.inFlight()).isZero();
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrder() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));
        channel.writeInbound(get("/health/live"));
        channel.runPendingTasks();
        assertThat((Object) channel.readOutbound()).as("the second waits for the first").isNull();

        harness.gateway.answer.complete(Samples.answer("first"));
        channel.runPendingTasks();

        FullHttpResponse first = channel.readOutbound();
        FullHttpResponse second = channel.readOutbound();
        assertThat(ServerHarness.body(first)).contains("first");
        assertThat(ServerHarness.body(second)).contains("live");
    }

    @Test
    void tooManyPipelinedRequestsCloseTheConnection() {
        channel.writeInbound(post("/v1/chat/completions", Samples.CHAT_BODY));
        for (int i = 0; i <= RequestRouter.MAX_PIPELINED; i++) {
            channel.writeInbound(get("/health/live"));
        }

        assertThat(channel.isOpen()).isFalse();
        assertThat(harness.gateway.answer).as("closing cancels the request in flight").isCancelled();
    }

    @Test
    void responsesAskToCloseTheConnectionWhileDraining() {
        harness.state.moveTo(dev.gearbox.server.ServerState.Phase.DRAINING);

        FullHttpResponse response = exchange(channel, get("/health/live"));

        assertThat(response.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("close");
        assertThat(channel.isOpen()).isFalse();
    }
}
