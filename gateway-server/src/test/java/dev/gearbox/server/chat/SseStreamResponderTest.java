package dev.gearbox.server.chat;

import static dev.gearbox.server.testing.ServerHarness.post;
import static dev.gearbox.server.testing.ServerHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.server.testing.Samples;
import dev.gearbox.server.testing.ServerHarness;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import org.junit.jupiter.api.Test;

class SseStreamResponderTest {
    private final ServerHarness harness = new ServerHarness();
    private final EmbeddedChannel channel = harness.channel();

    private GatewayStreamListener startStream() {
        channel.writeInbound(post("/v1/chat/completions", Samples.STREAM_BODY));
        assertThat(harness.gateway.listener).as("the gateway was asked to stream").isNotNull();
        return harness.gateway.listener;
    }

    @Test
    void headersGoOutAtTheCommitPointWithTheRoute() {
        GatewayStreamListener listener = startStream();
        assertThat((Object) channel.readOutbound()).as("nothing before the commit point").isNull();

        harness.nanos.addAndGet(5_070_000);
        listener.onStart(Samples.route());

        HttpResponse head = channel.readOutbound();
        assertThat(head.status().code()).isEqualTo(200);
        assertThat(head.headers().get(HttpHeaderNames.CONTENT_TYPE)).isEqualTo("text/event-stream; charset=utf-8");
        assertThat(head.headers().get(HttpHeaderNames.CACHE_CONTROL)).isEqualTo("no-cache");
        assertThat(head.headers().get(HttpHeaderNames.CONNECTION)).isEqualTo("keep-alive");
        assertThat(head.headers().get(HttpHeaderNames.TRANSFER_ENCODING)).isEqualTo("chunked");
        assertThat(head.headers().get("x-gearbox-tier")).isEqualTo("fast");
        assertThat(head.headers().get("x-gearbox-deployment")).isEqualTo("fast-1");
        assertThat(head.headers().get("x-gearbox-attempts")).isEqualTo("2");
        assertThat(head.headers().get("x-gearbox-overhead-ms")).isEqualTo("0.07");
        assertThat(head.headers().get("x-gearbox-request-id")).startsWith("gbx-");
    }

    @Test
    void eachChunkIsFramedAndFlushedAtOnceThenDone() {
        GatewayStreamListener listener = startStream();
        listener.onStart(Samples.route());
        ServerHarness.skipOutbound(channel);

        listener.onChunk(Samples.chunk("Hel"));
        HttpContent first = channel.readOutbound();
        assertThat(text(first)).startsWith("data: {").endsWith("}\n\n").contains("\"content\":\"Hel\"");
        assertThat((Object) channel.readOutbound()).isNull();

        listener.onChunk(Samples.chunk("lo"));
        HttpContent second = channel.readOutbound();
        assertThat(text(second)).contains("\"content\":\"lo\"");

        listener.onComplete(Samples.route());
        LastHttpContent last = channel.readOutbound();
        assertThat(text(last)).isEqualTo("data: [DONE]\n\n");
        assertThat(channel.isOpen()).as("keep-alive after a clean stream").isTrue();
        assertThat(harness.state.inFlight()).isZero();
    }

    @Test
    void anErrorBeforeTheCommitPointIsAnOrdinaryJsonError() {
        GatewayStreamListener listener = startStream();

        listener.onError(new GatewayException(ErrorKind.NO_CAPACITY, "no deployment available"), false);

        FullHttpResponse response = channel.readOutbound();
        assertThat(response.status().code()).isEqualTo(503);
        assertThat(ServerHarness.json(response).at("/error/code").asText()).isEqualTo("no_deployment_available");
    }

    @Test
    void anErrorAfterTheCommitPointIsAnErrorEventThatEndsTheStreamWithoutDone() {
        GatewayStreamListener listener = startStream();
        listener.onStart(Samples.route());
        listener.onChunk(Samples.chunk("Hel"));
        ServerHarness.skipOutbound(channel);
        ServerHarness.skipOutbound(channel);

        listener.onError(GatewayException.upstream(ErrorKind.UPSTREAM_ERROR, 502, "upstream stream cut", null), true);

        LastHttpContent last = channel.readOutbound();
        String event = text(last);
        assertThat(event).startsWith("data: {\"error\":{").endsWith("}\n\n").contains("upstream stream cut")
                .doesNotContain("[DONE]");
        assertThat((Object) channel.readOutbound()).isNull();
        assertThat(harness.registry.scrape()).contains("outcome=\"upstream_error\",route=\"chat_completions\",status=\"2xx\"");
    }

    @Test
    void aClientThatDisconnectsCancelsTheStream() {
        GatewayStreamListener listener = startStream();
        listener.onStart(Samples.route());

        channel.close();

        assertThat(harness.gateway.streamCancels).hasValue(1);
        listener.onChunk(Samples.chunk("late"));
        listener.onComplete(Samples.route());
        assertThat(harness.state.inFlight()).isZero();
    }

    @Test
    void aClientThatStopsReadingIsDisconnected() {
        GatewayStreamListener listener = startStream();
        listener.onStart(Samples.route());
        channel.config().setWriteBufferWaterMark(new io.netty.channel.WriteBufferWaterMark(1, 2));
        // The embedded channel's writes complete at once; hold them back as a stalled socket would.
        channel.pipeline().addFirst(new io.netty.channel.ChannelOutboundHandlerAdapter() {
            @Override
            public void flush(io.netty.channel.ChannelHandlerContext ctx) {
                // swallow: nothing ever leaves
            }
        });
        String big = "x".repeat(1024 * 1024);

        for (int i = 0; i < 6 && channel.isOpen(); i++) {
            listener.onChunk(Samples.chunk(big));
        }

        assertThat(channel.isOpen()).isFalse();
        assertThat(harness.gateway.streamCancels).hasValue(1);
    }
}
