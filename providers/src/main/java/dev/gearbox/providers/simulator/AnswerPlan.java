package dev.gearbox.providers.simulator;

import dev.gearbox.core.model.Usage;
import java.util.List;

/**
 * Everything the simulator will answer to one request, decided before any timing starts;
 * {@code seed} derives the remaining randomness (chunk sizes, logprobs) so they are repeatable too.
 */
record AnswerPlan(List<SimulatedChoice> choices, int promptTokens, long seed) {
    AnswerPlan {
        choices = List.copyOf(choices);
    }

    int completionTokens() {
        int total = 0;
        for (SimulatedChoice c : choices) {
            total += c.completionTokens();
        }
        return total;
    }

    /** The longest choice in tokens: what generation time is based on. */
    int longestChoiceTokens() {
        int max = 0;
        for (SimulatedChoice c : choices) {
            max = Math.max(max, c.completionTokens());
        }
        return max;
    }

    Usage usage() {
        return Usage.of(promptTokens, completionTokens());
    }
}
