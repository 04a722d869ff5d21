package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The model's own confidence: escalates when the mean token logprob of the first choice is under
 * {@code minMean}, or its least likely token is under {@code minToken}. Reads OpenAI's
 * {@code logprobs.content[].logprob}; abstains when the deployment sent none (the cascade asks for
 * them, but not every provider supports them).
 */
public record LogprobGate(double minMean, double minToken) implements QualityGate {
    public static final String NAME = "logprob";
    public static final String LOW_MEAN = "low_mean_logprob";
    public static final String LOW_TOKEN = "low_token_logprob";
    public static final double DEFAULT_MIN_MEAN = -1.2;
    public static final double DEFAULT_MIN_TOKEN = -6.0;

    public LogprobGate {
        if (!(minMean <= 0) || !(minToken <= 0)) {
            throw new IllegalArgumentException("logprob thresholds must be at most 0, got " + minMean + " and " + minToken);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsLogprobs() {
        return true;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        Optional<JsonNode> tokens = Answers.firstChoice(answer).map(Choice::logprobs).map(l -> l.get("content"))
                .filter(c -> c.isArray() && !c.isEmpty());
        if (tokens.isEmpty()) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        double sum = 0;
        double min = 0;
        int n = 0;
        for (JsonNode token : tokens.get()) {
            JsonNode lp = token.get("logprob");
            if (lp != null && lp.isNumber()) {
                double v = lp.doubleValue();
                sum += v;
                min = Math.min(min, v);
                n++;
            }
        }
        if (n == 0) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        double mean = sum / n;
        if (mean < minMean) {
            return Answers.done(new GateVerdict.Escalate(NAME, LOW_MEAN, String.format(Locale.ROOT,
                    "mean token logprob %.3f is under %.3f", mean, minMean)));
        }
        if (min < minToken) {
            return Answers.done(new GateVerdict.Escalate(NAME, LOW_TOKEN, String.format(Locale.ROOT,
                    "least likely token has logprob %.3f, under %.3f", min, minToken)));
        }
        return Answers.done(new GateVerdict.Accept(NAME));
    }
}
