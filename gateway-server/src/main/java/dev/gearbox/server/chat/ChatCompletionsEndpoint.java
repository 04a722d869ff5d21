package dev.gearbox.server.chat;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.provider.StreamHandle;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.server.http.Endpoint;
import dev.gearbox.server.http.Exchange;
import dev.gearbox.server.http.ExchangeOutcome;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /v1/chat/completions}: checks the body is JSON, parses it (a small, bounded body, so
 * on the event loop), builds the request context and hands the request to the {@link ChatGateway},
 * answering with one JSON response or an SSE stream. The client's Authorization header only yields
 * a tenant id (unless a configured tenant header names the tenant); it never reaches the gateway. A client that disconnects cancels the gateway call.
 */
public final class ChatCompletionsEndpoint implements Endpoint {
    private final ChatGateway gateway;
    private final OpenAiCodec codec;
    private final String tenantHeader;

    public ChatCompletionsEndpoint(ChatGateway gateway, OpenAiCodec codec) {
        this(gateway, codec, null);
    }

    /** @param tenantHeader the header naming the tenant ({@code cache.tenant_header}), or null: the API key does */
    public ChatCompletionsEndpoint(ChatGateway gateway, OpenAiCodec codec, String tenantHeader) {
        this.gateway = gateway;
        this.codec = codec;
        this.tenantHeader = tenantHeader;
    }

    @Override
    public void handle(FullHttpRequest request, Exchange exchange) {
        JsonContentType.require(request.headers().get(HttpHeaderNames.CONTENT_TYPE));
        ChatRequest chat = codec.readRequest(request.content());
        RequestContext context = RequestContexts.create(request.headers(), exchange, tenantHeader);
        if (chat.stream()) {
            stream(chat, context, exchange);
        } else {
            complete(chat, context, exchange);
        }
    }

    private void stream(ChatRequest chat, RequestContext context, Exchange exchange) {
        StreamHandle handle = gateway.stream(chat, context, new SseStreamResponder(exchange, codec, chat.includeUsage()));
        exchange.onCancel(handle::cancel);
    }

    private void complete(ChatRequest chat, RequestContext context, Exchange exchange) {
        CompletableFuture<GatewayResponse> answer = gateway.complete(chat, context);
        exchange.onCancel(() -> answer.cancel(true));
        answer.whenComplete((response, failure) -> {
            if (failure != null) {
                exchange.fail(GatewayException.from(failure), null);
            } else {
                exchange.respond(toHttp(response, exchange), ExchangeOutcome.success(200, response.route()));
            }
        });
    }

    private FullHttpResponse toHttp(GatewayResponse answer, Exchange exchange) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(codec.writeResponse(answer.response())));
        http.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, http.content().readableBytes());
        GearboxResponseHeaders.apply(http.headers(), answer.route(), exchange.elapsedNanos());
        return http;
    }
}
