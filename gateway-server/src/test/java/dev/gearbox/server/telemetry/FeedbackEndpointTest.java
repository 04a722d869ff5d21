package dev.gearbox.server.telemetry;

import static dev.gearbox.server.testing.ServerHarness.exchange;
import static dev.gearbox.server.testing.ServerHarness.json;
import static dev.gearbox.server.testing.ServerHarness.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.core.telemetry.log.LogLine;
import dev.gearbox.core.telemetry.log.LogLineSink;
import dev.gearbox.server.http.RequestRouter;
import dev.gearbox.server.http.RouteTable;
import dev.gearbox.server.testing.ServerHarness;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /v1/feedback}: a valid verdict becomes a feedback line; every bad field is a 400 naming it. */
class FeedbackEndpointTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private final ServerHarness harness = new ServerHarness();
    private final List<LogLine> lines = new ArrayList<>();
    private boolean full;
    private final LogLineSink sink = line -> !full && lines.add(line);

    private FullHttpResponse send(LogLineSink log, String body) {
        RouteTable routes = RouteTable.builder()
                .add(HttpMethod.POST, "/v1/feedback", "feedback", new FeedbackEndpoint(log, CLOCK))
                .build();
        EmbeddedChannel channel = new EmbeddedChannel(new RequestRouter(routes, harness.services));
        FullHttpRequest request = post("/v1/feedback", body);
        request.headers().set("authorization", "Bearer sk-secret-client-key");
        return exchange(channel, request);
    }

    @Test
    void aValidVerdictIsAppendedWithTheTenantButNeverTheKey() {
        FullHttpResponse response = send(sink,
                "{\"request_id\":\"req-01J.x\",\"score\":0.25,\"label\":\"frontier\",\"comment\":\"missed the edge case\"}");

        assertThat(response.status().code()).isEqualTo(200);
        assertThat(json(response).get("request_id").asText()).isEqualTo("req-01J.x");
        assertThat(lines).singleElement().isInstanceOfSatisfying(FeedbackLine.class, l -> {
            assertThat(l.requestId()).isEqualTo("req-01J.x");
            assertThat(l.score()).isEqualTo(0.25);
            assertThat(l.label()).isEqualTo("frontier");
            assertThat(l.comment()).isEqualTo("missed the edge case");
            assertThat(l.time()).isEqualTo("2026-11-24T12:00:00Z");
            assertThat(l.tenant()).isNotBlank().doesNotContain("sk-secret");
        });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"score\":1}                                     | request_id",
        "{\"request_id\":\"a b\",\"score\":1}              | request_id",
        "{\"request_id\":7,\"score\":1}                    | request_id",
        "{\"request_id\":\"r1\"}                           | score",
        "{\"request_id\":\"r1\",\"score\":1.5}             | score",
        "{\"request_id\":\"r1\",\"score\":\"high\"}        | score",
        "{\"request_id\":\"r1\",\"label\":\"meh\"}         | label",
        "{\"request_id\":\"r1\",\"label\":\"good\",\"comment\":3}     | comment",
        "{\"request_id\":\"r1\",\"label\":\"good\",\"rating\":3}      | rating"
    })
    void aBadFieldIsA400NamingIt(String body, String param) {
        FullHttpResponse response = send(sink, body);

        assertThat(response.status().code()).isEqualTo(400);
        JsonNode error = json(response).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("param").asText()).isEqualTo(param);
        assertThat(lines).isEmpty();
    }

    @Test
    void aBodyThatIsNotAJsonObjectIsA400() {
        assertThat(send(sink, "[1,2]").status().code()).isEqualTo(400);
        assertThat(send(sink, "{nope").status().code()).isEqualTo(400);
    }

    @Test
    void withTheDecisionLogOffTheEndpointIsA404() {
        FullHttpResponse response = send(null, "{\"request_id\":\"r1\",\"label\":\"good\"}");

        assertThat(response.status().code()).isEqualTo(404);
        assertThat(json(response).get("error").get("message").asText()).contains("telemetry.decision_log.enabled");
    }

    @Test
    void aFullLogQueueIsA503TheClientMayRetry() {
        full = true;
        FullHttpResponse response = send(sink, "{\"request_id\":\"r1\",\"label\":\"bad\"}");

        assertThat(response.status().code()).isEqualTo(503);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo(FeedbackEndpoint.BUSY_CODE);
    }

    @Test
    void anOverlongCommentIsRejected() {
        String comment = "x".repeat(FeedbackRequest.MAX_COMMENT + 1);
        String body = "{\"request_id\":\"r\",\"label\":\"good\",\"comment\":\"" + comment + "\"}";
        // the harness's body limit is smaller than this body: call the parser directly
        assertThatThrownBy(() -> FeedbackRequest.parse(Unpooled.copiedBuffer(body, StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.param()).isEqualTo("comment"));
    }
}
