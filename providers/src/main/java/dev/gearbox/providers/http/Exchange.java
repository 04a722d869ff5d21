package dev.gearbox.providers.http;

import dev.gearbox.config.Timeouts;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One request/response over a pooled connection. Owns the exchange's timers (total from the
 * start, first byte from the moment the request is written), delivers the response to the
 * listener on the connection's event loop, and decides the connection's fate: back to the pool
 * after a complete keep-alive response, closed otherwise. A pooled connection that turns out
 * dead before any response byte is retried once on another connection, since the upstream
 * never saw the request.
 *
 * <p>{@code done} and {@code channel} are guarded by the monitor because a cancel or a timer may
 * race with the connection's loop; everything else is confined to that loop.
 */
final class Exchange implements UpstreamCall {
    private static final String HANDLER_NAME = "gearbox-exchange";

    private final UpstreamRequest request;
    private final Origin origin;
    private final Timeouts timeouts;
    private final ResponseListener listener;
    private final OriginPool pool;
    private final EventLoop homeLoop;
    /** True when the caller runs on {@code homeLoop}: a connection of that loop is preferred. */
    private final boolean sameLoop;

    private boolean done;
    private Channel channel;
    private Future<PooledChannel> acquiring;
    private volatile ScheduledFuture<?> totalTimer;
    private volatile ScheduledFuture<?> firstByteTimer;
    private boolean retriedStaleConnection;

    Exchange(UpstreamRequest request, Timeouts timeouts, ResponseListener listener, OriginPool pool, EventLoop homeLoop,
             boolean sameLoop) {
        this.request = request;
        this.origin = Origin.of(request.uri());
        this.timeouts = timeouts;
        this.listener = listener;
        this.pool = pool;
        this.homeLoop = homeLoop;
        this.sameLoop = sameLoop;
    }

    void start() {
        if (enabled(timeouts.total())) {
            totalTimer = homeLoop.schedule(() -> fail(timeout("total", timeouts.total())),
                    timeouts.total().toNanos(), TimeUnit.NANOSECONDS);
        }
        acquireConnection();
    }

    @Override
    public void cancel() {
        finish(null);
    }

    private void acquireConnection() {
        Future<PooledChannel> future = pool.acquire(homeLoop, sameLoop, timeouts.connect());
        synchronized (this) {
            if (done) {
                future.cancel(false);
                return;
            }
            acquiring = future;
        }
        future.addListener((Future<PooledChannel> f) -> onAcquired(f));
    }

    private void onAcquired(Future<PooledChannel> f) {
        if (f.isCancelled()) {
            return;
        }
        if (!f.isSuccess()) {
            fail(ConnectFailures.map(origin, timeouts.connect(), f.cause()));
            return;
        }
        PooledChannel pooled = f.getNow();
        boolean attached;
        synchronized (this) {
            attached = !done;
            if (attached) {
                channel = pooled.channel();
                acquiring = null;
            }
        }
        if (!attached) {
            pool.release(pooled.channel(), true);
            return;
        }
        runOn(pooled.channel().eventLoop(), () -> writeRequest(pooled));
    }

    private void writeRequest(PooledChannel pooled) {
        Channel ch = pooled.channel();
        if (isDone()) {
            return;
        }
        ResponseHandler handler = new ResponseHandler(pooled.reused());
        ch.pipeline().addBefore(IdleChannelGuard.NAME, HANDLER_NAME, handler);
        ch.writeAndFlush(buildRequest()).addListener((ChannelFuture written) -> {
            if (written.isSuccess()) {
                handler.requestWritten = true;
                if (enabled(timeouts.firstByte()) && !handler.headersReceived && isCurrent(ch)) {
                    firstByteTimer = ch.eventLoop().schedule(() -> fail(timeout("first-byte", timeouts.firstByte())),
                            timeouts.firstByte().toNanos(), TimeUnit.NANOSECONDS);
                }
            } else {
                handler.connectionLost(ch, written.cause());
            }
        });
    }

    private FullHttpRequest buildRequest() {
        FullHttpRequest req = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, request.method(),
                request.pathAndQuery(), Unpooled.wrappedBuffer(request.body()));
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            req.headers().set(h.getKey(), h.getValue());
        }
        req.headers().set(HttpHeaderNames.HOST, origin.hostHeader());
        req.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, request.body().length);
        req.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        req.headers().remove(HttpHeaderNames.CONNECTION);
        if (!req.headers().contains(HttpHeaderNames.ACCEPT_ENCODING)) {
            req.headers().set(HttpHeaderNames.ACCEPT_ENCODING, HttpHeaderValues.GZIP_DEFLATE);
        }
        return req;
    }

    private synchronized boolean isDone() {
        return done;
    }

    /** True while the exchange is running on {@code ch} (not finished, not moved to another connection). */
    private synchronized boolean isCurrent(Channel ch) {
        return !done && channel == ch;
    }

    private void fail(GatewayException error) {
        finish(error);
    }

    /**
     * Ends the exchange once: stops the timers, gives up a pending acquire, closes the connection
     * (its state is unknown), and reports {@code error} unless this is a cancel.
     */
    private void finish(GatewayException error) {
        Channel ch;
        Future<PooledChannel> pending;
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
            ch = channel;
            pending = acquiring;
        }
        cancelTimers();
        if (pending != null) {
            pending.cancel(false);
        }
        if (ch != null) {
            ch.close();
        }
        if (error != null) {
            runOn(ch != null ? ch.eventLoop() : homeLoop, () -> listener.onError(error));
        }
    }

    private void succeed(Channel ch, boolean reusable) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        cancelTimers();
        ch.pipeline().remove(HANDLER_NAME);
        pool.release(ch, reusable);
        listener.onEnd();
    }

    private void cancelTimers() {
        ScheduledFuture<?> total = totalTimer;
        if (total != null) {
            total.cancel(false);
        }
        cancelFirstByteTimer();
    }

    private void cancelFirstByteTimer() {
        ScheduledFuture<?> firstByte = firstByteTimer;
        if (firstByte != null) {
            firstByte.cancel(false);
        }
    }

    private GatewayException timeout(String which, Duration after) {
        return new GatewayException(ErrorKind.UPSTREAM_TIMEOUT, which + " timeout after " + after.toMillis()
                + " ms waiting for " + origin.authority());
    }

    private GatewayException connectionError(String message, Throwable cause) {
        return new GatewayException(ErrorKind.UPSTREAM_ERROR, message, null, ErrorKind.UPSTREAM_ERROR.defaultCode(),
                0, null, cause);
    }

    private static boolean enabled(Duration d) {
        return d != null && !d.isZero() && !d.isNegative();
    }

    private static void runOn(EventExecutor loop, Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** The exchange's presence in one connection's pipeline; one per connection tried. */
    private final class ResponseHandler extends ChannelInboundHandlerAdapter {
        private final boolean reusedConnection;
        boolean requestWritten;
        boolean headersReceived;
        private boolean keepAlive;
        private boolean skippingInterim;

        ResponseHandler(boolean reusedConnection) {
            this.reusedConnection = reusedConnection;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (isCurrent(ctx.channel())) {
                    read(ctx.channel(), msg);
                }
            } catch (RuntimeException e) {
                fail(GatewayException.from(e));
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        private void read(Channel ch, Object msg) {
            if (msg instanceof HttpObject http && http.decoderResult().isFailure()) {
                fail(connectionError("malformed HTTP response from " + origin.authority() + ": "
                        + http.decoderResult().cause().getMessage(), http.decoderResult().cause()));
                return;
            }
            if (msg instanceof HttpResponse response) {
                if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                    skippingInterim = true;
                    return;
                }
                headersReceived = true;
                cancelFirstByteTimer();
                keepAlive = HttpUtil.isKeepAlive(response);
                listener.onHeaders(response.status().code(), response.headers());
            }
            if (msg instanceof HttpContent content) {
                if (skippingInterim) {
                    skippingInterim = !(msg instanceof LastHttpContent);
                    return;
                }
                if (content.content().isReadable() && !isDone()) {
                    listener.onBody(content.content());
                }
                if (msg instanceof LastHttpContent) {
                    succeed(ch, keepAlive && requestWritten);
                }
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            connectionLost(ctx.channel(), null);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            connectionLost(ctx.channel(), cause);
        }

        /** The connection died or failed under this exchange. */
        void connectionLost(Channel ch, Throwable cause) {
            if (!isCurrent(ch)) {
                return;
            }
            if (!headersReceived && reusedConnection && !retriedStaleConnection && detach(ch)) {
                retriedStaleConnection = true;
                acquireConnection();
                return;
            }
            String what = cause == null ? "upstream " + origin.authority() + " closed the connection"
                    : "connection to upstream " + origin.authority() + " failed (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")";
            fail(connectionError(what + (headersReceived ? " before the response completed" : " before sending a response"),
                    cause));
        }

        /** Gives up a stale pooled connection so the exchange can try a fresh one. */
        private boolean detach(Channel ch) {
            synchronized (Exchange.this) {
                if (done || channel != ch) {
                    return false;
                }
                channel = null;
            }
            cancelFirstByteTimer();
            if (ch.pipeline().context(this) != null) {
                ch.pipeline().remove(this);
            }
            ch.close();
            return true;
        }
    }
}
