package dev.gearbox.server.chat;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.server.http.Exchange;
import dev.gearbox.server.http.ExchangeOutcome;
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

    private final Exchange exchange;
    private final ChatWireFormat wire;
    private RouteInfo route;
    private boolean committed;

    SseStreamResponder(Exchange exchange, ChatWireFormat wire) {
        this.exchange = exchange;
        this.wire = wire;
    }

    @Override
    public void onStart(RouteInfo startedRoute) {
        exchange.execute(() -> commit(startedRoute));
    }

    @Override
    public void onChunk(ChatChunk chunk) {
        byte[] json = wire.writeChunk(chunk); // encoded on the caller's thread, off the event loop's critical path
        exchange.execute(() -> {
            if (exchange.isFinished()) {
                return;
            }
            commit(route);
            ChannelHandlerContext ctx = exchange.ctx();
            ctx.writeAndFlush(new DefaultHttpContent(SseFrames.data(ctx.alloc(), json)))
                    .addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
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
            ctx.writeAndFlush(new DefaultLastHttpContent(SseFrames.done(ctx.alloc())))
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
            LastHttpContent last = new DefaultLastHttpContent(SseFrames.data(ctx.alloc(), wire.writeError(error)));
            ctx.writeAndFlush(last).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            exchange.finish(ExchangeOutcome.failure(200, error, route));
        });
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
