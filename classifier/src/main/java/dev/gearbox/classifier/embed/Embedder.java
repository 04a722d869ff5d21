package dev.gearbox.classifier.embed;

import dev.gearbox.core.cache.PromptEmbedding;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Sentence embeddings from all-MiniLM-L6-v2 (quantized), run in-process with ONNX. Inputs longer
 * than {@code maxTokens} word pieces are cut keeping their start and end, so latency stays bounded.
 * Vectors are L2-normalized, so a dot product is the cosine similarity. Thread-safe.
 */
public final class Embedder {

    public static final int DIMENSION = 384;
    /**
     * The served input bound in model word pieces, [CLS] and [SEP] included: the encoder's time grows
     * linearly with the pieces it sees (about 50 us each on the 2-core target), and 64 pieces
     * cross-validated within noise of 128 (classifier/EXPERIMENTS.md, "Input bound").
     */
    public static final int DEFAULT_MAX_TOKENS = 64;
    /** ONNX Runtime threads per call by default: one, so concurrent requests share the cores without oversubscribing. */
    public static final int DEFAULT_INTRA_OP_THREADS = 1;
    /** Names the model and how its input is cut, so cached vectors of another version never match. */
    private static final String MODEL_ID = "all-minilm-l6-v2-q/wordpiece-start-end";
    /** The embeddings the gateway serves with: stamped into every model file so a file trained on others is refused. */
    public static final String SERVED_INPUT = MODEL_ID + "/" + DEFAULT_MAX_TOKENS;

    private final MiniLmEncoder model;
    private final Executor executor;
    private final int maxTokens;

    /** @param executor runs {@link #embedAll}'s work; single embeddings run on the caller's thread */
    public Embedder(int maxTokens, Executor executor) {
        this(maxTokens, executor, DEFAULT_INTRA_OP_THREADS);
    }

    /**
     * @param executor       runs {@link #embedAll}'s work; single embeddings run on the caller's thread
     * @param intraOpThreads ONNX Runtime threads each embedding may use
     */
    public Embedder(int maxTokens, Executor executor, int intraOpThreads) {
        this.maxTokens = maxTokens;
        this.executor = executor;
        this.model = new MiniLmEncoder(maxTokens, intraOpThreads);
    }

    public int maxTokens() {
        return maxTokens;
    }

    /** The normalized embedding of one text; a blank text maps to the zero vector. */
    public float[] embed(String text) {
        return embedding(text).vector();
    }

    /** The normalized embedding of one text, and whether the model read all of it (not cut to the bound). */
    public PromptEmbedding embedding(String text) {
        if (text == null || text.isBlank()) {
            return PromptEmbedding.whole(new float[DIMENSION]);
        }
        BoundedWordPieces.ModelInput input = model.input(text);
        return new PromptEmbedding(normalized(model.encode(input)), input.whole());
    }

    /** Embeddings of many texts, in order, spread over the executor. */
    public List<float[]> embedAll(List<String> texts) {
        List<CompletableFuture<float[]>> running = new ArrayList<>(texts.size());
        for (String t : texts) {
            running.add(CompletableFuture.supplyAsync(() -> embed(t), executor));
        }
        List<float[]> out = new ArrayList<>(texts.size());
        for (CompletableFuture<float[]> f : running) {
            out.add(f.join());
        }
        return out;
    }

    /** The word-piece ids the model sees for a text: at most {@link #maxTokens()}, start and end kept. */
    public long[] inputIds(String text) {
        return model.input(text == null ? "" : text).ids();
    }

    /** A content hash naming this model, its input bound and the text: the key for caching. */
    public String cacheKey(String text) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((MODEL_ID + "|" + maxTokens + "|").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private static float[] normalized(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        if (norm > 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) (v[i] / norm);
            }
        }
        return v;
    }
}
