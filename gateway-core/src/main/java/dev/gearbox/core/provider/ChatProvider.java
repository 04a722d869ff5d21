package dev.gearbox.core.provider;

import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One deployment's upstream: a model at a provider. Implementations translate the canonical
 * request to their wire format, send it with the deployment's own credentials (never the
 * client's), and map every failure to a {@link dev.gearbox.core.error.GatewayException}.
 * The request's {@code model} is the client's; implementations send the deployment's model.
 * Neither method blocks the calling thread.
 */
public interface ChatProvider extends AutoCloseable {

    /** A complete answer; the future fails with a GatewayException. Cancelling it aborts the call. */
    CompletableFuture<ChatResponse> complete(ChatRequest request);

    /** Streams the answer into {@code sink}; the returned handle cancels it. */
    StreamHandle stream(ChatRequest request, ChunkSink sink);

    @Override
    default void close() {
    }
}
