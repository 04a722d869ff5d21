package dev.gearbox.classifier;

import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.core.cache.PromptEmbedding;
import dev.gearbox.core.model.ChatRequest;

/**
 * The serving path's one source of request embeddings: the {@link Embedder} behind a bounded LRU keyed
 * by the content hash of the text ({@link Embedder#cacheKey}). The router and the semantic cache share
 * one instance, so a request is run through the model once whichever asks first. Blocking CPU work on
 * a miss: call it from a worker executor, never an event loop. Thread-safe.
 */
public final class ConversationEmbeddings {
    /** Enough for every request in flight plus recent repeats, at 1.5 KB per vector. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final Embedder embedder;
    private final EmbeddingLru cache;
    private final Runnable onModelRun;

    public ConversationEmbeddings(Embedder embedder) {
        this(embedder, DEFAULT_CAPACITY, () -> { });
    }

    /** @param onModelRun called each time the model actually runs (a cache miss); tests count with it */
    public ConversationEmbeddings(Embedder embedder, int capacity, Runnable onModelRun) {
        this.embedder = embedder;
        this.cache = new EmbeddingLru(capacity);
        this.onModelRun = onModelRun;
    }

    public Embedder embedder() {
        return embedder;
    }

    /** The normalized embedding of the request's conversation text ({@link ConversationText}). */
    public float[] of(ChatRequest request) {
        return embedding(request).vector();
    }

    /** The normalized embedding of {@code text}, computed once per distinct text while it stays cached. */
    public float[] of(String text) {
        return embedding(text).vector();
    }

    /** As {@link #of(ChatRequest)}, with whether the model read all of the text (the semantic cache needs it). */
    public PromptEmbedding embedding(ChatRequest request) {
        return embedding(ConversationText.of(request));
    }

    /** As {@link #of(String)}, with whether the model read all of the text. */
    public PromptEmbedding embedding(String text) {
        return cache.get(embedder.cacheKey(text), key -> {
            onModelRun.run();
            return embedder.embedding(text);
        });
    }
}
