package dev.gearbox.core.cache;

import dev.gearbox.core.model.ChatRequest;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The embedding the semantic cache compares: the L2-normalized vector of the request's last user
 * message (the same text and vector the router scores, so a request is embedded once), and whether
 * the embedder read all of that text.
 */
public interface ConversationEmbedder {
    /**
     * Embeds the request and applies {@code then} to the vector, both on the embedder's own executor,
     * never on the caller's thread (an event loop): the cache's search runs inside {@code then}, so it
     * cannot land on the caller even when the vector was already cached. Completes exceptionally when
     * it cannot (queue full, model failure); the cache then treats the request as a miss.
     */
    <T> CompletableFuture<T> embed(ChatRequest request, Function<PromptEmbedding, T> then);
}
