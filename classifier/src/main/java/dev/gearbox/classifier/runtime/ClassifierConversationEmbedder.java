package dev.gearbox.classifier.runtime;

import dev.gearbox.classifier.ConversationEmbeddings;
import dev.gearbox.core.cache.ConversationEmbedder;
import dev.gearbox.core.cache.PromptEmbedding;
import dev.gearbox.core.model.ChatRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The semantic cache's embedding: the router's {@link ConversationEmbeddings} (same model, same
 * content-hash cache), run on the classifier executor. When the cache misses, the router finds the
 * vector already cached, so the model runs once per request. A full executor rejects at once.
 */
public final class ClassifierConversationEmbedder implements ConversationEmbedder {
    private final ConversationEmbeddings embeddings;
    private final Executor executor;

    public ClassifierConversationEmbedder(ConversationEmbeddings embeddings, Executor executor) {
        this.embeddings = embeddings;
        this.executor = executor;
    }

    @Override
    public <T> CompletableFuture<T> embed(ChatRequest request, Function<PromptEmbedding, T> then) {
        return CompletableFuture.supplyAsync(() -> then.apply(embeddings.embedding(request)), executor);
    }
}
