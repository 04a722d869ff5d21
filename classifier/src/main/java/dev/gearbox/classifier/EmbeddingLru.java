package dev.gearbox.classifier;

import dev.gearbox.core.cache.PromptEmbedding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small bounded LRU of embeddings keyed by content hash, so one request is embedded once. */
final class EmbeddingLru {

    private final Map<String, PromptEmbedding> entries;

    EmbeddingLru(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PromptEmbedding> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached embedding for the key, or the computed one (computed outside the lock). */
    PromptEmbedding get(String key, Function<String, PromptEmbedding> compute) {
        synchronized (entries) {
            PromptEmbedding hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        PromptEmbedding fresh = compute.apply(key);
        synchronized (entries) {
            entries.put(key, fresh);
        }
        return fresh;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
