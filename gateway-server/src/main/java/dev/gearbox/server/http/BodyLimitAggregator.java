package dev.gearbox.server.http;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.ReferenceCountUtil;

/**
 * Aggregates a request body up to {@code maxBodyBytes} and answers anything larger with a 413
 * OpenAI error body (Netty's own answer has no body). Covers the three ways a body is too large:
 * a {@code Content-Length} above the limit (answered before reading the body, the rest is
 * discarded), {@code Expect: 100-continue} with such a length (413 instead of 100, the client never
 * sends the body), and a chunked body that grows past the limit (413, then close, since the rest
 * of the stream cannot be skipped cheaply).
 */
public final class BodyLimitAggregator extends HttpObjectAggregator {
    private final int maxBodyBytes;
    private final ErrorResponder errors;
    private final RequestIds requestIds;
    private final ExchangeRecorder recorder;

    public BodyLimitAggregator(int maxBodyBytes, ErrorResponder errors, RequestIds requestIds,
                               ExchangeRecorder recorder) {
        super(maxBodyBytes);
        this.maxBodyBytes = maxBodyBytes;
        this.errors = errors;
        this.requestIds = requestIds;
        this.recorder = recorder;
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        String expect = start.headers().get(HttpHeaderNames.EXPECT); // Netty removes it below
        Object netty = super.newContinueResponse(start, maxContentLength, pipeline);
        if (netty instanceof HttpResponse answer && answer.status().codeClass() == HttpStatusClass.CLIENT_ERROR) {
            HttpResponseStatus status = answer.status();
            ReferenceCountUtil.release(netty);
            return status.code() == HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE.code()
                    ? tooLarge(start)
                    : expectationFailed(start, expect);
        }
        return netty;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (!(oversized instanceof HttpRequest)) {
            super.handleOversizedMessage(ctx, oversized);
            return;
        }
        FullHttpResponse response = tooLarge(oversized);
        // Part of the body was already read (or the client will send it and then close): the
        // connection cannot be reused. Otherwise Netty skips the announced body and keeps it alive.
        boolean close = oversized instanceof FullHttpMessage
                || !HttpUtil.is100ContinueExpected(oversized) && !HttpUtil.isKeepAlive(oversized);
        if (close) {
            HttpUtil.setKeepAlive(response, false);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }

    private FullHttpResponse tooLarge(HttpMessage request) {
        GatewayException error = new GatewayException(ErrorKind.PAYLOAD_TOO_LARGE,
                "Request body is larger than the " + maxBodyBytes + " bytes this server accepts");
        return reject(request, errors.toResponse(error), error);
    }

    private FullHttpResponse expectationFailed(HttpMessage request, String expect) {
        GatewayException error = new GatewayException(ErrorKind.INVALID_REQUEST,
                "Unsupported Expect header: " + expect + "; only 100-continue is supported");
        return reject(request, errors.toResponse(HttpResponseStatus.EXPECTATION_FAILED, error), error);
    }

    private FullHttpResponse reject(HttpMessage request, FullHttpResponse response, GatewayException error) {
        response.headers().set(Exchange.REQUEST_ID_HEADER,
                requestIds.resolve(request.headers().get(RequestRouter.REQUEST_ID_HEADER)));
        recorder.record("rejected", ExchangeOutcome.failure(response.status().code(), error, null), 0L);
        return response;
    }
}
