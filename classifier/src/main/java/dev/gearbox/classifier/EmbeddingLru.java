package dev.gearbox.classifier;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** A small bounded LRU of embeddings keyed by content hash, so one request is embedded once. */
final class EmbeddingLru {

    private final Map<String, float[]> entries;

    EmbeddingLru(int capacity) {
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached vector for the key, or the computed one (computed outside the lock). */
    float[] get(String key, Function<String, float[]> compute) {
        synchronized (entries) {
            float[] hit = entries.get(key);
            if (hit != null) {
                return hit;
            }
        }
        float[] fresh = compute.apply(key);
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
