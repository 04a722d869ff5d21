package dev.gearbox.classifier.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.classifier.cascade.OfflineAnswer;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnswerModelGateTest {

    private static final ChatRequest REQUEST = ChatRequest.of("auto", List.of(Message.of(Role.USER,
            "A shop sells 3 pens for $2. How much do 12 pens cost?")));
    private static ExecutorService worker;
    private static Embedder embedder;

    @BeforeAll
    static void start() {
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "gate-worker"));
        embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run);
    }

    @AfterAll
    static void stop() {
        worker.shutdownNow();
    }

    private static AnswerModelGate gate(double threshold, AtomicReference<String> embeddedOn) {
        return new AnswerModelGate(AnswerQualityModel.bundled(), embedder, r -> {
            embeddedOn.set(Thread.currentThread().getName());
            return embedder.embed(r.messages().get(0).text());
        }, threshold, worker);
    }

    @Test
    void theCheckRunsOnTheExecutorNotTheCallersThread() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();

        GateVerdict v = gate(0.5, thread).check(REQUEST, OfflineAnswer.of("12 pens cost 4 x $2 = $8.", "cheap"))
                .get(10, TimeUnit.SECONDS);

        assertThat(thread.get()).isEqualTo("gate-worker");
        assertThat(v.gate()).isEqualTo(AnswerModelGate.NAME);
    }

    @Test
    void theThresholdDecides() throws Exception {
        var answer = OfflineAnswer.of("12 pens cost 4 x $2 = $8.", "cheap");
        AnswerModelGate strict = gate(1.0, new AtomicReference<>());
        double p = strict.probabilityGood(REQUEST, answer);

        GateVerdict escalate = strict.check(REQUEST, answer).get(10, TimeUnit.SECONDS);
        GateVerdict accept = gate(0.0, new AtomicReference<>()).check(REQUEST, answer).get(10, TimeUnit.SECONDS);

        assertThat(p).isBetween(0.0, 1.0);
        assertThat(escalate).isInstanceOfSatisfying(GateVerdict.Escalate.class, e -> {
            assertThat(e.reason()).isEqualTo(AnswerModelGate.REASON);
            assertThat(e.detail()).contains("is below 1.00").doesNotContain("pens");
        });
        assertThat(accept).isEqualTo(new GateVerdict.Accept(AnswerModelGate.NAME));
    }

    @Test
    void aBlankAnswerAbstainsWithoutEmbedding() {
        AtomicReference<String> thread = new AtomicReference<>();

        var v = gate(0.5, thread).check(REQUEST, OfflineAnswer.of("  ", "cheap"));

        assertThat(v).isCompletedWithValue(new GateVerdict.Abstain(AnswerModelGate.NAME));
        assertThat(thread.get()).isNull();
    }

    @Test
    void aBusyExecutorOrAFailingEmbeddingAbstains() {
        AnswerModelGate busy = new AnswerModelGate(AnswerQualityModel.bundled(), embedder, r -> new float[Embedder.DIMENSION],
                0.5, task -> {
                    throw new RejectedExecutionException("full");
                });
        AnswerModelGate failing = new AnswerModelGate(AnswerQualityModel.bundled(), embedder, r -> {
            throw new IllegalStateException("onnx failed");
        }, 0.5, worker);
        var answer = OfflineAnswer.of("8", "cheap");

        assertThat(busy.check(REQUEST, answer)).isCompletedWithValue(new GateVerdict.Abstain(AnswerModelGate.NAME));
        assertThat(failing.check(REQUEST, answer).join()).isEqualTo(new GateVerdict.Abstain(AnswerModelGate.NAME));
    }

    @Test
    void aThresholdOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> gate(1.5, new AtomicReference<>()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[0,1]");
        assertThatThrownBy(() -> gate(Double.NaN, new AtomicReference<>())).isInstanceOf(IllegalArgumentException.class);
    }
}
