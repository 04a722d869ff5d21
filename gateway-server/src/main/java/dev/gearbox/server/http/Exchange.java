package dev.gearbox.server.http;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.RouteInfo;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;

/**
 * One request and its response on a connection. All state is confined to the connection's event
 * loop: the public methods may be called from any thread and hop onto it. An exchange finishes
 * exactly once: by a response, by the end of a stream, or by the client going away, which runs
 * the cancel action (aborting the upstream call).
 */
public final class Exchange {
    public static final String REQUEST_ID_HEADER = "x-gearbox-request-id";

    private final ChannelHandlerContext ctx;
    private final String route;
    private final String requestId;
    private final long startNanos;
    private final ExchangeServices services;
    private final Runnable onFinished;
    private Runnable cancelAction;
    private boolean finished;

    /** {@code onFinished} runs on the event loop once the exchange ends (the router serves the next request). */
    Exchange(ChannelHandlerContext ctx, String route, String requestId, ExchangeServices services, Runnable onFinished) {
        this.ctx = ctx;
        this.route = route;
        this.requestId = requestId;
        this.services = services;
        this.onFinished = onFinished;
        this.startNanos = services.nanoTime().getAsLong();
        services.state().requestStarted();
    }

    public ChannelHandlerContext ctx() {
        return ctx;
    }

    public String requestId() {
        return requestId;
    }

    /** When the request arrived, in {@link ExchangeServices#nanoTime()} units. */
    public long startNanos() {
        return startNanos;
    }

    public long elapsedNanos() {
        return services.nanoTime().getAsLong() - startNanos;
    }

    /** True once a response completed or the client went away; later writes are dropped. */
    public boolean isFinished() {
        return finished;
    }

    /** Runs {@code task} on the connection's event loop: now when already there, else queued in order. */
    public void execute(Runnable task) {
        EventExecutor loop = ctx.executor();
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    /** What to do when the client goes away before the exchange finished (abort the upstream). */
    public void onCancel(Runnable action) {
        execute(() -> {
            if (!finished) {
                cancelAction = action;
            }
        });
    }

    /** Adds the headers every response carries; closes the connection after it while draining. */
    public void decorate(HttpResponse head) {
        head.headers().set(REQUEST_ID_HEADER, requestId);
        if (services.state().draining()) {
            HttpUtil.setKeepAlive(head, false);
        }
    }

    /** Sends a complete response and finishes; the response is released if the exchange already ended. */
    public void respond(FullHttpResponse response, ExchangeOutcome outcome) {
        execute(() -> {
            if (finished) {
                ReferenceCountUtil.release(response);
                return;
            }
            decorate(response);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
            finish(outcome);
        });
    }

    /** Sends {@code error} as an OpenAI error body with its own status, and finishes. */
    public void fail(GatewayException error, RouteInfo route) {
        execute(() -> {
            if (!finished) {
                respond(services.errors().toResponse(error),
                        ExchangeOutcome.failure(error.httpStatus(), error, route));
            }
        });
    }

    /** Marks the exchange done after its last write (streams), recording its outcome. */
    public void finish(ExchangeOutcome outcome) {
        execute(() -> {
            if (finished) {
                return;
            }
            finished = true;
            cancelAction = null;
            services.state().requestFinished();
            services.recorder().record(route, outcome, elapsedNanos());
            onFinished.run();
        });
    }

    /** The client went away: abort whatever is still running for this exchange. */
    void cancel() {
        execute(() -> {
            if (finished) {
                return;
            }
            Runnable action = cancelAction;
            finish(ExchangeOutcome.clientClosed());
            if (action != null) {
                action.run();
            }
        });
    }
}
