package dev.gearbox.classifier.embed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only file of embeddings keyed by content hash, for offline experiments: embedding the
 * 11k training rows takes minutes, reading them back takes a second. Each record is the 32-byte
 * SHA-256 key followed by {@link Embedder#DIMENSION} floats. Not for the serving path.
 */
public final class EmbeddingCache {

    private static final int KEY_BYTES = 32;
    private static final int BATCH = 256;

    private final Path file;
    private final Map<String, float[]> entries = new HashMap<>();

    private EmbeddingCache(Path file) {
        this.file = file;
    }

    /** Opens (or starts) the cache file; a truncated last record from an interrupted run is ignored. */
    public static EmbeddingCache open(Path file) {
        EmbeddingCache cache = new EmbeddingCache(file);
        if (Files.exists(file)) {
            try (InputStream raw = Files.newInputStream(file);
                 DataInputStream in = new DataInputStream(new BufferedInputStream(raw, 1 << 16))) {
                byte[] key = new byte[KEY_BYTES];
                while (true) {
                    float[] v = new float[Embedder.DIMENSION];
                    try {
                        in.readFully(key);
                        for (int i = 0; i < v.length; i++) {
                            v[i] = in.readFloat();
                        }
                    } catch (EOFException end) {
                        break;
                    }
                    cache.entries.put(HexFormat.of().formatHex(key), v);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read embedding cache " + file, e);
            }
        }
        return cache;
    }

    public int size() {
        return entries.size();
    }

    /**
     * Embeddings of all texts, in order: cached ones read back, the rest embedded in batches and
     * appended after each batch, so an interrupted run keeps its progress.
     */
    public List<float[]> embedAll(List<String> texts, Embedder embedder) {
        Map<String, String> missing = new LinkedHashMap<>();
        for (String t : texts) {
            String key = embedder.cacheKey(t);
            if (!entries.containsKey(key)) {
                missing.putIfAbsent(key, t);
            }
        }
        List<String> keys = new ArrayList<>(missing.keySet());
        List<String> values = new ArrayList<>(missing.values());
        for (int from = 0; from < keys.size(); from += BATCH) {
            int to = Math.min(keys.size(), from + BATCH);
            append(keys.subList(from, to), embedder.embedAll(values.subList(from, to)));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (String t : texts) {
            out.add(entries.get(embedder.cacheKey(t)));
        }
        return out;
    }

    private void append(List<String> keys, List<float[]> vectors) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16))) {
                for (int i = 0; i < keys.size(); i++) {
                    out.write(HexFormat.of().parseHex(keys.get(i)));
                    for (float x : vectors.get(i)) {
                        out.writeFloat(x);
                    }
                    entries.put(keys.get(i), vectors.get(i));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to embedding cache " + file, e);
        }
    }
}
