package dev.gearbox.classifier.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.requestclass.RequestClass;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.routing.policy.RequestScorer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading the router the way the gateway does, with the real embedder (loaded once for the class). */
class EmbeddedRouterTest {
    private static Embedder embedder;
    private static EmbeddedRouter builtin;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run);
        builtin = EmbeddedRouter.load(RouterConfig.BUILTIN, embedder);
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, text)));
    }

    private static byte[] bundledModel() throws IOException {
        try (InputStream in = RoutingClassifier.class.getResourceAsStream(RoutingClassifier.BUNDLED_MODEL)) {
            return in.readAllBytes();
        }
    }

    @Test
    void theBundledCalibrationBelongsToTheBundledModel() throws IOException {
        // Fails when the model is retrained without rerunning CalibrateRouter.
        CalibrationScores calibration = builtin.calibration().orElseThrow();

        assertThat(calibration.modelSha256()).isEqualTo(EmbeddedRouter.sha256(bundledModel()));
        assertThat(calibration.scores()).hasSize(1250);
    }

    @Test
    void scoresAndClassifiesARequest() {
        RequestScorer.Score score = builtin.scorer().score(ask("Write a Python function that merges two sorted lists."));

        assertThat(score.value()).isBetween(0.0, 1.0);
        assertThat(Arrays.stream(RequestClass.values()).map(RequestClass::tag)).contains(score.requestClass());
    }

    @Test
    void aHugePromptStillGetsAScore() {
        String huge = "Explain the following log line by line. " + "error at module seven: timeout. ".repeat(30_000);

        RequestScorer.Score score = builtin.scorer().score(ask(huge));

        assertThat(score.value()).isBetween(0.0, 1.0);
    }

    @Test
    void aMissingModelFileFailsWithAClearMessage() {
        Path missing = dir.resolve("nope.bin.gz");

        assertThatThrownBy(() -> EmbeddedRouter.load(missing.toString(), embedder))
                .isInstanceOf(RouterLoadException.class)
                .hasMessage("router.model: no file at '" + missing + "'");
    }

    @Test
    void aCorruptModelFileFailsWithAClearMessage() throws IOException {
        Path corrupt = Files.writeString(dir.resolve("corrupt.bin.gz"), "not a model");

        assertThatThrownBy(() -> EmbeddedRouter.load(corrupt.toString(), embedder))
                .isInstanceOf(RouterLoadException.class)
                .hasMessageStartingWith("router.model: '" + corrupt + "' is not a usable router model");
    }

    @Test
    void aModelFileUsesItsOwnCalibrationAndRefusesAnotherModelsOne() throws IOException {
        Path model = Files.write(dir.resolve("m.bin.gz"), bundledModel());

        assertThat(EmbeddedRouter.load(model.toString(), embedder).calibration()).isEmpty();

        Path sidecar = dir.resolve("m.bin.gz" + CalibrationScores.SUFFIX);
        try (OutputStream out = Files.newOutputStream(sidecar)) {
            new CalibrationScores("0".repeat(64), "test", new double[] {0.2, 0.4}).write(out);
        }
        assertThatThrownBy(() -> EmbeddedRouter.load(model.toString(), embedder))
                .isInstanceOf(RouterLoadException.class)
                .hasMessageContaining("were computed for another model file");

        try (OutputStream out = Files.newOutputStream(sidecar)) {
            new CalibrationScores(EmbeddedRouter.sha256(bundledModel()), "test", new double[] {0.4, 0.2}).write(out);
        }
        assertThat(EmbeddedRouter.load(model.toString(), embedder).calibration().orElseThrow().scores())
                .containsExactly(0.2, 0.4);
    }

    @Test
    void calibrationFilesRoundTripAndBadOnesAreRefused() throws IOException {
        CalibrationScores scores = new CalibrationScores("ab", "arena", new double[] {0.7, 0.123456789});
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        scores.write(out);

        assertThat(CalibrationScores.read(new ByteArrayInputStream(out.toByteArray())).scores())
                .containsExactly(0.12346, 0.7);
        for (String bad : List.of("{}", "{\"model_sha256\": \"ab\", \"scores\": []}",
                "{\"model_sha256\": \"ab\", \"scores\": [2.0]}")) {
            assertThatThrownBy(() -> CalibrationScores.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))))
                    .as(bad).isInstanceOf(IOException.class);
        }
    }
}
