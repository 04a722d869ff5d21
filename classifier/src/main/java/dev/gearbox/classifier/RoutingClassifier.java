package dev.gearbox.classifier;

import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.signals.Signals;
import dev.gearbox.core.model.ChatRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Scores a chat request with the trained router: the probability in [0,1] that the strong model
 * is needed. Embeds the request once (cached by content hash) and extracts its signals. Blocking
 * CPU work of a few milliseconds: call it from a worker executor, never from an event loop.
 * Thread-safe.
 */
public final class RoutingClassifier {

    /** The model trained on the shared routing data and shipped in this jar. */
    public static final String BUNDLED_MODEL = "/dev/gearbox/classifier/router-model.bin.gz";
    private final RoutingModel model;
    private final ConversationEmbeddings embeddings;

    public RoutingClassifier(Embedder embedder, RoutingModel model) {
        this(new ConversationEmbeddings(embedder), model);
    }

    /** A classifier reading embeddings from {@code embeddings}, which other stages (the semantic cache) may share. */
    public RoutingClassifier(ConversationEmbeddings embeddings, RoutingModel model) {
        this.embeddings = embeddings;
        this.model = model;
    }

    /**
     * The classifier with the model shipped in this jar. The model was trained on embeddings of
     * inputs cut to {@link Embedder#DEFAULT_MAX_TOKENS}; another bound would skew its scores.
     */
    public static RoutingClassifier bundled(Embedder embedder) {
        if (embedder.maxTokens() != Embedder.DEFAULT_MAX_TOKENS) {
            throw new IllegalArgumentException("the bundled router model needs an embedder cutting input to "
                    + Embedder.DEFAULT_MAX_TOKENS + " tokens, got " + embedder.maxTokens());
        }
        try (InputStream in = RoutingClassifier.class.getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("router model " + BUNDLED_MODEL + " is missing from the classpath");
            }
            return new RoutingClassifier(embedder, ModelCodec.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled router model", e);
        }
    }

    /** The classifier with a model file written by {@code TrainRouter}. */
    public static RoutingClassifier fromFile(Path modelFile, Embedder embedder) {
        try (InputStream in = Files.newInputStream(modelFile)) {
            return new RoutingClassifier(embedder, ModelCodec.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read router model " + modelFile, e);
        }
    }

    /** P(strong model needed) for this request. */
    public double strongProbability(ChatRequest request) {
        return strongProbability(request, embedding(request));
    }

    /** P(strong model needed) for this request, whose {@link #embedding} the caller already has. */
    public double strongProbability(ChatRequest request, float[] embedding) {
        return model.score(embedding, Signals.of(request).toFeatures());
    }

    /** The request's normalized embedding, computed once per distinct text. */
    public float[] embedding(ChatRequest request) {
        return embeddings.of(request);
    }
}
