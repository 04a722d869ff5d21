package dev.gearbox.classifier.runtime;

import dev.gearbox.classifier.ConversationEmbeddings;
import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.model.ModelCodec;
import dev.gearbox.classifier.model.RoutingModel;
import dev.gearbox.classifier.requestclass.RequestClassifierFile;
import dev.gearbox.config.RouterConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The embedded router as the gateway loads it at start: the router model ({@code builtin} or a
 * file), its calibration scores (bundled, or {@code <model file>.calibration.json}; absent for a
 * file model without one) and the request classes. Every failure is a {@link RouterLoadException}
 * naming {@code router.model} and the file, so a bad config stops the start with a clear message.
 */
public record EmbeddedRouter(EmbeddedRequestScorer scorer, Optional<CalibrationScores> calibration) {

    public static EmbeddedRouter load(String model, Embedder embedder) {
        return load(model, new ConversationEmbeddings(embedder));
    }

    /** The router reading request embeddings from {@code embeddings}, shared with the semantic cache. */
    public static EmbeddedRouter load(String model, ConversationEmbeddings embeddings) {
        Embedder embedder = embeddings.embedder();
        boolean builtin = RouterConfig.BUILTIN.equals(model);
        byte[] modelBytes = builtin ? bundledBytes(RoutingClassifier.BUNDLED_MODEL) : fileBytes(Path.of(model));
        RoutingModel routingModel = parse(modelBytes, model);
        String sha = sha256(modelBytes);
        Optional<CalibrationScores> calibration = builtin
                ? Optional.of(calibration(bundledBytes(CalibrationScores.BUNDLED), CalibrationScores.BUNDLED))
                : sidecar(Path.of(model + CalibrationScores.SUFFIX));
        calibration.ifPresent(c -> {
            if (!c.modelSha256().equals(sha)) {
                throw new RouterLoadException("router.model: the calibration scores of '" + model + "' were computed for "
                        + "another model file (sha256 " + c.modelSha256() + ", model is " + sha + "); regenerate them with "
                        + "dev.gearbox.classifier.eval.CalibrateRouter");
            }
        });
        EmbeddedRequestScorer scorer = new EmbeddedRequestScorer(new RoutingClassifier(embeddings, routingModel),
                RequestClassifierFile.bundled());
        return new EmbeddedRouter(scorer, calibration);
    }

    /** The bytes of the model a config names: what the calibration hash is computed over. */
    public static byte[] modelBytes(String model) {
        return RouterConfig.BUILTIN.equals(model) ? bundledBytes(RoutingClassifier.BUNDLED_MODEL) : fileBytes(Path.of(model));
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }

    private static RoutingModel parse(byte[] bytes, String model) {
        try {
            return ModelCodec.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new RouterLoadException("router.model: '" + model + "' is not a usable router model ("
                    + e.getMessage() + "); train one with `gearbox train` or use 'builtin'", e);
        }
    }

    private static Optional<CalibrationScores> sidecar(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(calibration(fileBytes(file), file.toString()));
    }

    private static CalibrationScores calibration(byte[] bytes, String name) {
        try {
            return CalibrationScores.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new RouterLoadException("router.model: calibration file '" + name + "' is unreadable: " + e.getMessage(), e);
        }
    }

    private static byte[] bundledBytes(String resource) {
        try (InputStream in = EmbeddedRouter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new RouterLoadException("router.model: " + resource + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RouterLoadException("router.model: cannot read " + resource + ": " + e.getMessage(), e);
        }
    }

    private static byte[] fileBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new RouterLoadException("router.model: no file at '" + file + "'", e);
        } catch (IOException e) {
            throw new RouterLoadException("router.model: cannot read '" + file + "': " + e.getMessage(), e);
        }
    }
}
