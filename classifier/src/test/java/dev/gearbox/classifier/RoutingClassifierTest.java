package dev.gearbox.classifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.requestclass.RequestClass;
import dev.gearbox.classifier.requestclass.RequestClassifier;
import dev.gearbox.classifier.requestclass.RequestClassifierFile;
import dev.gearbox.classifier.signals.RequestSignals;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RoutingClassifierTest {

    private static ExecutorService executor;
    private static Embedder embedder;

    @BeforeAll
    static void load() {
        executor = Executors.newSingleThreadExecutor();
        embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, executor);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, text)));
    }

    @Test
    void feedsTheModelTheEmbeddingAndSignalsAndCachesTheEmbedding() {
        AtomicReference<double[]> seenSignals = new AtomicReference<>();
        RoutingClassifier classifier = new RoutingClassifier(embedder, (e, s) -> {
            seenSignals.set(s);
            return 0.25;
        });
        ChatRequest request = ask("What is 12 * 7?");
        assertThat(classifier.strongProbability(request)).isEqualTo(0.25);
        assertThat(seenSignals.get()).hasSize(RequestSignals.featureNames().size());
        assertThat(classifier.embedding(request)).isSameAs(classifier.embedding(ask("What is 12 * 7?")));
    }

    @Test
    void bundledRouterScoresInTheUnitInterval() {
        RoutingClassifier classifier = RoutingClassifier.bundled(embedder);
        double hard = classifier.strongProbability(ask(
                "Prove that for every prime p > 3, p^2 - 1 is divisible by 24, then generalize to p^4 - 1."));
        double easy = classifier.strongProbability(ask("Hi! What's the capital of France?"));
        assertThat(hard).isBetween(0.0, 1.0);
        assertThat(easy).isBetween(0.0, 1.0);
    }

    @Test
    void bundledRouterRefusesAnEmbedderWithAnotherInputBound() {
        Embedder shortInput = new Embedder(Embedder.DEFAULT_MAX_TOKENS / 2, executor);
        assertThatThrownBy(() -> RoutingClassifier.bundled(shortInput))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(String.valueOf(Embedder.DEFAULT_MAX_TOKENS));
    }

    @Test
    void bundledRequestClassifierRecognizesCommonKinds() {
        RequestClassifier classes = RequestClassifierFile.bundled();
        String code = "Write a Python function that merges two sorted lists and add unit tests.";
        String poem = "Write a short poem about autumn leaves in the style of Emily Dickinson.";
        assertThat(classes.classify(code, embedder.embed(code))).isEqualTo(RequestClass.CODE);
        assertThat(classes.classify(poem, embedder.embed(poem))).isEqualTo(RequestClass.WRITING);
    }
}
