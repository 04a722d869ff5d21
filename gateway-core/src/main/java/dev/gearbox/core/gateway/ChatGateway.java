package dev.gearbox.core.gateway;

import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.provider.StreamHandle;
import java.util.concurrent.CompletableFuture;

/**
 * The request pipeline behind {@code POST /v1/chat/completions}, independent of HTTP.
 * The future fails with a {@link dev.gearbox.core.error.GatewayException}; cancelling it, or the
 * returned handle, aborts the upstream call (the client went away).
 */
public interface ChatGateway {
    CompletableFuture<GatewayResponse> complete(ChatRequest request, RequestContext context);

    StreamHandle stream(ChatRequest request, RequestContext context, GatewayStreamListener listener);
}
