package dev.gearbox.server.http;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last handler of a connection: opens an {@link Exchange} per aggregated request, routes it
 * by exact path (query strings ignored) to its endpoint, answers 400/404/405 itself, and cancels
 * the open exchanges when the client disconnects. HTTP/1.1 pipelining is honoured by serving one
 * request at a time: a request that arrives while another is open waits in a short queue, so
 * responses leave in request order. One instance per connection.
 */
public final class RequestRouter extends SimpleChannelInboundHandler<FullHttpRequest> {
    static final String UNMATCHED_ROUTE = "unmatched";
    static final String REQUEST_ID_HEADER = "x-request-id";
    private static final Logger LOG = LoggerFactory.getLogger(RequestRouter.class);

    /** Pipelined requests held per connection before the client counts as abusive and is dropped. */
    static final int MAX_PIPELINED = 16;

    private final RouteTable routes;
    private final ExchangeServices services;
    private final Deque<FullHttpRequest> pipelined = new ArrayDeque<>();

    public RequestRouter(RouteTable routes, ExchangeServices services) {
        this.routes = routes;
        this.services = services;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!pipelined.isEmpty() || !ConnectionExchanges.of(ctx.channel()).isIdle()) {
            if (pipelined.size() >= MAX_PIPELINED) {
                LOG.warn("client pipelined more than {} requests; closing the connection", MAX_PIPELINED);
                ctx.close();
                return;
            }
            pipelined.add(request.retain());
            return;
        }
        serve(ctx, request);
    }

    /** Serves the oldest pipelined request once the one before it has finished. */
    private void serveNextPipelined(ChannelHandlerContext ctx) {
        FullHttpRequest next = pipelined.poll();
        if (next == null) {
            return;
        }
        try {
            if (ctx.channel().isActive()) {
                serve(ctx, next);
            }
        } finally {
            next.release();
        }
    }

    private void serve(ChannelHandlerContext ctx, FullHttpRequest request) {
        String requestId = services.requestIds().resolve(request.headers().get(REQUEST_ID_HEADER));
        if (request.decoderResult().isFailure()) {
            rejectMalformed(ctx, requestId);
            return;
        }
        String path = new QueryStringDecoder(request.uri()).path();
        RouteMatch match = routes.match(request.method(), path);
        if (match instanceof RouteMatch.Found found) {
            dispatch(ctx, request, found, requestId);
        } else if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            String allow = notAllowed.allowed().stream().map(HttpMethod::name).collect(Collectors.joining(", "));
            GatewayException error = new GatewayException(ErrorKind.METHOD_NOT_ALLOWED,
                    "Method " + request.method() + " is not allowed on " + path + "; use " + allow);
            FullHttpResponse response = services.errors().toResponse(error);
            response.headers().set(HttpHeaderNames.ALLOW, allow);
            open(ctx, UNMATCHED_ROUTE, requestId).respond(response, ExchangeOutcome.failure(405, error, null));
        } else {
            GatewayException error = new GatewayException(ErrorKind.NOT_FOUND,
                    "Invalid URL (" + request.method() + " " + path + ")");
            open(ctx, UNMATCHED_ROUTE, requestId).fail(error, null);
        }
    }

    /** The HTTP codec could not parse the request: answer 400 and close, the byte stream is lost. */
    private void rejectMalformed(ChannelHandlerContext ctx, String requestId) {
        GatewayException error = new GatewayException(ErrorKind.INVALID_REQUEST, "malformed HTTP request");
        FullHttpResponse response = services.errors().toResponse(error);
        HttpUtil.setKeepAlive(response, false);
        open(ctx, UNMATCHED_ROUTE, requestId).respond(response, ExchangeOutcome.failure(400, error, null));
    }

    private void dispatch(ChannelHandlerContext ctx, FullHttpRequest request, RouteMatch.Found found, String requestId) {
        Exchange exchange = open(ctx, found.name(), requestId);
        try {
            found.endpoint().handle(request, exchange);
        } catch (GatewayException e) {
            exchange.fail(e, null);
        } catch (RuntimeException e) {
            LOG.error("endpoint {} failed on request {}", found.name(), requestId, e);
            exchange.fail(GatewayException.from(e), null);
        }
    }

    private Exchange open(ChannelHandlerContext ctx, String route, String requestId) {
        Exchange exchange = new Exchange(ctx, route, requestId, services,
                () -> ctx.executor().execute(() -> serveNextPipelined(ctx)));
        ConnectionExchanges.of(ctx.channel()).add(exchange);
        return exchange;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releasePipelined();
        ConnectionExchanges.of(ctx.channel()).cancelAll();
        super.channelInactive(ctx);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releasePipelined();
    }

    private void releasePipelined() {
        FullHttpRequest queued;
        while ((queued = pipelined.poll()) != null) {
            queued.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            LOG.debug("connection error, closing: {}", cause.toString());
        } else {
            LOG.warn("unexpected error on a client connection, closing it", cause);
        }
        ctx.close().addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
    }
}
