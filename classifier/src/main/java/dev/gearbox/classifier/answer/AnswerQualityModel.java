package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.model.RoutingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded answer-quality model: P(the cheap answer is good enough) from the prompt and answer
 * embeddings and the {@link AnswerSignals}. Stored in the router's {@link ModelCodec} format.
 * Pure and thread-safe; embedding the texts is the caller's job (see {@link AnswerModelGate}).
 */
public final class AnswerQualityModel {

    /** The model trained on the shared rows with a weak answer and shipped in this jar ({@link TrainAnswerModel}). */
    public static final String BUNDLED = "/dev/gearbox/classifier/answer-model.bin.gz";

    private final RoutingModel model;

    public AnswerQualityModel(RoutingModel model) {
        this.model = model;
    }

    public static AnswerQualityModel bundled() {
        try (InputStream in = AnswerQualityModel.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("answer model " + BUNDLED + " is missing from the classpath");
            }
            return new AnswerQualityModel(ModelCodec.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled answer model", e);
        }
    }

    public static AnswerQualityModel fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new AnswerQualityModel(ModelCodec.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read answer model " + file, e);
        }
    }

    /** The underlying model, for writing it out. */
    public RoutingModel routingModel() {
        return model;
    }

    /** P(good enough), in [0,1]. */
    public double probabilityGood(AnswerInput input) {
        return model.score(input.embedding(), input.signals());
    }
}
