package dev.gearbox.server.http;

import static dev.gearbox.server.testing.ServerHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.server.testing.Samples;
import dev.gearbox.server.testing.ServerHarness;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;
import org.junit.jupiter.api.Test;

class BodyLimitAggregatorTest {
    private final ServerHarness harness = new ServerHarness();
    private final EmbeddedChannel channel = harness.channel();

    private static HttpRequest head(long contentLength) {
        HttpRequest request = new DefaultHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/v1/chat/completions");
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (contentLength >= 0) {
            request.headers().set(HttpHeaderNames.CONTENT_LENGTH, contentLength);
        } else {
            request.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        }
        return request;
    }

    private static void assertTooLarge(FullHttpResponse response) {
        assertThat(response.status().code()).isEqualTo(413);
        assertThat(response.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("application/json");
        assertThat(response.headers().get("x-gearbox-request-id")).startsWith("gbx-");
        assertThat(json(response).at("/error/code").asText()).isEqualTo("payload_too_large");
        assertThat(json(response).at("/error/message").asText()).contains(Integer.toString(ServerHarness.MAX_BODY));
    }

    @Test
    void aContentLengthAboveTheLimitIsRejectedBeforeTheBodyAndTheRestIsSkipped() {
        channel.writeInbound(head(ServerHarness.MAX_BODY + 1));

        assertTooLarge(channel.readOutbound());
        channel.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(new byte[ServerHarness.MAX_BODY + 1])));
        assertThat(channel.isOpen()).isTrue();
        assertThat(harness.gateway.requests).isEmpty();

        // the connection still serves the next request
        FullHttpResponse next = ServerHarness.exchange(channel, ServerHarness.get("/health/live"));
        assertThat(next.status().code()).isEqualTo(200);
    }

    @Test
    void aChunkedBodyGrowingPastTheLimitIsRejectedAndTheConnectionClosed() {
        channel.writeInbound(head(-1));
        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[ServerHarness.MAX_BODY / 2])));
        assertThat((Object) channel.readOutbound()).isNull();

        channel.writeInbound(new DefaultHttpContent(Unpooled.wrappedBuffer(new byte[ServerHarness.MAX_BODY])));

        assertTooLarge(channel.readOutbound());
        assertThat(channel.isOpen()).isFalse();
        assertThat(harness.gateway.requests).isEmpty();
    }

    @Test
    void expectContinueWithATooLargeBodyGetsA413InsteadOf100() {
        HttpRequest request = head(ServerHarness.MAX_BODY * 10L);
        request.headers().set(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE);

        channel.writeInbound(request);

        assertTooLarge(channel.readOutbound());
        assertThat(channel.isOpen()).isTrue();
    }

    @Test
    void expectContinueWithinTheLimitGets100ThenTheRequestIsServed() {
        byte[] body = Samples.CHAT_BODY.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        HttpRequest request = head(body.length);
        request.headers().set(HttpHeaderNames.EXPECT, HttpHeaderValues.CONTINUE);

        channel.writeInbound(request);
        FullHttpResponse interim = channel.readOutbound();
        assertThat(interim.status().code()).isEqualTo(100);

        channel.writeInbound(new DefaultLastHttpContent(Unpooled.wrappedBuffer(body)));
        assertThat(harness.gateway.requests).hasSize(1);
    }

    @Test
    void anUnsupportedExpectationIs417WithAnOpenAiBody() {
        HttpRequest request = head(10);
        request.headers().set(HttpHeaderNames.EXPECT, "teapot");

        channel.writeInbound(request);

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(417);
        assertThat(json(response).at("/error/message").asText()).contains("teapot");
    }

    @Test
    void rejectionsAreCounted() {
        channel.writeInbound(head(ServerHarness.MAX_BODY + 1));

        assertThat(harness.registry.scrape())
                .contains("gearbox_http_requests_total{deployment=\"none\",outcome=\"payload_too_large\","
                        + "route=\"rejected\",status=\"4xx\",tier=\"none\"} 1.0");
    }
}
