package dev.gearbox.server.testing;

import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.provider.StreamHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A gateway the test drives by hand: {@link #complete} returns {@link #answer}, which the test
 * completes; {@link #stream} hands the listener to the test and counts cancellations.
 */
public final class FakeChatGateway implements ChatGateway {
    public final List<ChatRequest> requests = new ArrayList<>();
    public final List<RequestContext> contexts = new ArrayList<>();
    public final CompletableFuture<GatewayResponse> answer = new CompletableFuture<>();
    public final AtomicInteger streamCancels = new AtomicInteger();
    public volatile GatewayStreamListener listener;

    @Override
    public CompletableFuture<GatewayResponse> complete(ChatRequest request, RequestContext context) {
        requests.add(request);
        contexts.add(context);
        return answer;
    }

    @Override
    public StreamHandle stream(ChatRequest request, RequestContext context, GatewayStreamListener streamListener) {
        requests.add(request);
        contexts.add(context);
        listener = streamListener;
        return streamCancels::incrementAndGet;
    }
}
