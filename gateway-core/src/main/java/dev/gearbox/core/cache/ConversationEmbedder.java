package dev.gearbox.core.cache;

import dev.gearbox.core.model.ChatRequest;
import java.util.concurrent.CompletableFuture;

/**
 * The embedding the semantic cache compares: the L2-normalized vector of the request's last user
 * message (the same text and vector the router scores, so a request is embedded once). Implementations
 * run the model on their own executor, never on the caller's thread (an event loop), and complete
 * exceptionally when they cannot (queue full, model failure); the cache then treats it as a miss.
 */
public interface ConversationEmbedder {
    CompletableFuture<float[]> embed(ChatRequest request);
}
