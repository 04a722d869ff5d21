package dev.gearbox.server.admin;

import static dev.gearbox.server.testing.ServerHarness.exchange;
import static dev.gearbox.server.testing.ServerHarness.get;
import static dev.gearbox.server.testing.ServerHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.server.ServerState;
import dev.gearbox.server.testing.ServerHarness;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import org.junit.jupiter.api.Test;

class AdminEndpointsTest {
    private final ServerHarness harness = new ServerHarness();
    private final EmbeddedChannel channel = harness.channel();

    @Test
    void modelsAreListedInOpenAisShape() {
        FullHttpResponse response = exchange(channel, get("/v1/models"));

        assertThat(response.status().code()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("object").asText()).isEqualTo("list");
        assertThat(body.get("data")).hasSize(3);
        assertThat(body.get("data").get(0).toString())
                .isEqualTo("{\"id\":\"auto\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"gearbox\"}");
        assertThat(body.get("data").findValuesAsText("id")).containsExactly("auto", "fast", "fast-1");
    }

    @Test
    void oneModelIsReadByItsId() {
        FullHttpResponse response = exchange(channel, get("/v1/models/fast-1"));

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(json(response).toString())
                .isEqualTo("{\"id\":\"fast-1\",\"object\":\"model\",\"created\":1700000000,\"owned_by\":\"gearbox\"}");
    }

    @Test
    void anUnknownModelIdIsOpenAisModelNotFound() {
        FullHttpResponse response = exchange(channel, get("/v1/models/gpt-9"));

        assertThat(response.status().code()).isEqualTo(404);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("model_not_found");
        assertThat(error.get("param").asText()).isEqualTo("model");
        assertThat(error.get("message").asText()).contains("gpt-9");
    }

    @Test
    void readinessFollowsTheServersPhase() {
        assertThat(exchange(channel, get("/health/ready")).status().code()).isEqualTo(200);
        assertThat(exchange(channel, get("/health/live")).status().code()).isEqualTo(200);

        harness.state.moveTo(ServerState.Phase.DRAINING);
        EmbeddedChannel another = harness.channel();
        FullHttpResponse draining = exchange(another, get("/health/ready"));

        assertThat(draining.status().code()).isEqualTo(503);
        assertThat(json(draining).get("status").asText()).isEqualTo("draining");
    }

    @Test
    void metricsAreThePrometheusTextFormat() {
        exchange(channel, get("/health/live"));

        FullHttpResponse response = exchange(channel, get("/metrics"));

        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(ServerHarness.body(response))
                .contains("# TYPE gearbox_http_requests_total counter")
                .contains("gearbox_http_requests_total{deployment=\"none\",outcome=\"ok\",route=\"health_live\","
                        + "status=\"2xx\",tier=\"none\"} 1.0");
    }
}
