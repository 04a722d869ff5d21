package dev.gearbox.server.chat;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.providers.sse.SseFrames;
import dev.gearbox.server.http.Exchange;
import dev.gearbox.server.http.ExchangeOutcome;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays a routed stream to the client as server-sent events. Headers go out at the commit point
 * ({@code onStart}); every chunk is written and flushed at once; the stream ends with
 * {@code data: [DONE]}. A failure before the commit point is an ordinary JSON error response; after
 * it, an {@code data: {"error":{...}}} event that ends the stream without {@code [DONE]}, which the
 * OpenAI SDKs raise as an API error. A client that reads too slowly to keep up is disconnected,
 * which cancels the upstream. Callbacks may come from any thread; all work runs on the connection's
 * event loop, in callback order.
 */
final class SseStreamResponder implements GatewayStreamListener {
    /** Unsent bytes beyond which the client counts as stalled (far beyond any healthy stream). */
    static final long MAX_UNSENT_BYTES = 4L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(SseStreamResponder.class);

    private static final byte[] DATA_PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.US_ASCII);

    private final Exchange exchange;
    private final OpenAiCodec codec;
    private final boolean includeUsage;
    private RouteInfo route;
    private boolean committed;

    /** @param includeUsage the client's {@code stream_options.include_usage}, which shapes every chunk */
    SseStreamResponder(Exchange exchange, OpenAiCodec codec, boolean includeUsage) {
        this.exchange = exchange;
        this.codec = codec;
        this.includeUsage = includeUsage;
    }

    @Override
    public void onStart(RouteInfo startedRoute) {
        exchange.execute(() -> commit(startedRoute));
    }

    @Override
    public void onChunk(ChatChunk chunk) {
        ByteBuf frame;
        try {
            frame = chunkFrame(chunk); // encoded on the caller's thread, off the event loop
        } catch (RuntimeException e) {
            LOG.error("request {}: cannot encode a stream chunk; ending the stream", exchange.requestId(), e);
            exchange.execute(() -> exchange.ctx().channel().close()); // closing cancels the upstream
            return;
        }
        exchange.execute(() -> {
            if (exchange.isFinished()) {
                frame.release();
                return;
            }
            commit(route);
            ChannelHandlerContext ctx = exchange.ctx();
            ctx.writeAndFlush(new DefaultHttpContent(frame)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            disconnectIfStalled(ctx.channel());
        });
    }

    @Override
    public void onComplete(RouteInfo finalRoute) {
        exchange.execute(() -> {
            if (exchange.isFinished()) {
                return;
            }
            commit(finalRoute);
            ChannelHandlerContext ctx = exchange.ctx();
            ctx.writeAndFlush(new DefaultLastHttpContent(SseFrames.done()))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            exchange.finish(ExchangeOutcome.success(200, finalRoute));
        });
    }

    @Override
    public void onError(GatewayException error, boolean gatewayCommitted) {
        exchange.execute(() -> {
            if (exchange.isFinished()) {
                return;
            }
            if (!committed) {
                exchange.fail(error, route);
                return;
            }
            ChannelHandlerContext ctx = exchange.ctx();
            LastHttpContent last = new DefaultLastHttpContent(SseFrames.frame(ctx.alloc(), codec.writeError(error)));
            ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            exchange.finish(ExchangeOutcome.failure(200, error, route));
        });
    }

    /** {@code data: <chunk json>\n\n} in one pooled buffer, the JSON written straight into it. */
    private ByteBuf chunkFrame(ChatChunk chunk) {
        ByteBuf frame = exchange.ctx().alloc().buffer(256);
        try {
            frame.writeBytes(DATA_PREFIX);
            codec.writeChunk(chunk, includeUsage, frame);
            return frame.writeBytes(EVENT_END);
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
    }

    /** Sends the response head once; headers name the route as known at the commit point. */
    private void commit(RouteInfo startedRoute) {
        if (committed || exchange.isFinished()) {
            return;
        }
        committed = true;
        route = startedRoute;
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE)
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        GearboxResponseHeaders.apply(head.headers(), startedRoute, exchange.elapsedNanos());
        exchange.decorate(head);
        exchange.ctx().writeAndFlush(head).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }

    /**
     * The upstream cannot be paused, so unsent bytes pile up while a client does not read.
     * Past the limit the client is disconnected, which cancels the upstream call.
     */
    private void disconnectIfStalled(Channel channel) {
        if (!channel.isWritable() && channel.bytesBeforeWritable() > MAX_UNSENT_BYTES) {
            LOG.warn("request {}: client stopped reading a stream ({} bytes unsent); disconnecting",
                    exchange.requestId(), channel.bytesBeforeWritable());
            channel.close();
        }
    }
}
