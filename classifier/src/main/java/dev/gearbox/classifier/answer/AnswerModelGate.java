package dev.gearbox.classifier.answer;

import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

/**
 * The {@code answer_model} quality gate: escalates when the {@link AnswerQualityModel} gives the
 * cheap answer a probability of being good enough below the threshold. Embedding takes a few
 * milliseconds of CPU, so the check runs on the given executor, never on the caller's thread (which
 * may be an event loop). The prompt's embedding comes from a function so the gateway can hand in the
 * router's cached one ({@code RoutingClassifier::embedding}) instead of embedding the prompt twice.
 * Abstains on an answer without text (the empty-answer gate owns that case) and when the check fails.
 */
public final class AnswerModelGate implements QualityGate {

    public static final String NAME = "answer_model";
    /** The reason an escalation carries: a bounded code. */
    public static final String REASON = "low_answer_quality";
    /**
     * Escalate below this P(good enough): on the shared rows it escalates 5-30% of answers per source
     * (measured in docs/cascade-eval.md).
     */
    public static final double DEFAULT_THRESHOLD = 0.35;

    private final AnswerQualityModel model;
    private final Embedder embedder;
    private final Function<ChatRequest, float[]> promptEmbedding;
    private final double threshold;
    private final Executor executor;

    /**
     * @param promptEmbedding the embedding of the request's routed text ({@link ConversationText}), e.g. the router's cached one
     * @param threshold       escalate when P(good enough) is below this, in [0,1]
     * @param executor        where the embedding and the model run
     */
    public AnswerModelGate(AnswerQualityModel model, Embedder embedder, Function<ChatRequest, float[]> promptEmbedding,
                           double threshold, Executor executor) {
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("answer_model threshold must be in [0,1], got " + threshold);
        }
        this.model = model;
        this.embedder = embedder;
        this.promptEmbedding = promptEmbedding;
        this.threshold = threshold;
        this.executor = executor;
    }

    /** The gate embedding the prompt itself. */
    public static AnswerModelGate standalone(AnswerQualityModel model, Embedder embedder, double threshold, Executor executor) {
        return new AnswerModelGate(model, embedder, r -> embedder.embed(ConversationText.of(r)), threshold, executor);
    }

    @Override
    public String name() {
        return NAME;
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        if (answer.firstText().isBlank()) {
            return CompletableFuture.completedFuture(new GateVerdict.Abstain(NAME));
        }
        try {
            return CompletableFuture.supplyAsync(() -> verdict(probabilityGood(request, answer)), executor)
                    .exceptionally(failure -> new GateVerdict.Abstain(NAME));
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(new GateVerdict.Abstain(NAME));
        }
    }

    /** P(the first choice's text is good enough). Blocking: embeds the answer (and the prompt unless cached). */
    public double probabilityGood(ChatRequest request, ChatResponse answer) {
        String text = answer.firstText();
        return model.probabilityGood(new AnswerInput(ConversationText.of(request), promptEmbedding.apply(request),
                text, embedder.embed(text)));
    }

    GateVerdict verdict(double probabilityGood) {
        if (probabilityGood < threshold) {
            return new GateVerdict.Escalate(NAME, REASON,
                    String.format(Locale.ROOT, "P(good enough)=%.2f is below %.2f", probabilityGood, threshold));
        }
        return new GateVerdict.Accept(NAME);
    }
}
