package dev.gearbox.providers.simulator;

import dev.gearbox.core.model.ToolCall;
import java.util.List;

/**
 * One planned choice: either text pieces (one piece = one generated token) or a tool call whose
 * arguments are split into pieces, plus the finish reason. {@code toolCall} is null for text.
 */
record SimulatedChoice(int index, List<String> pieces, ToolCall toolCall, String finishReason) {
    SimulatedChoice {
        pieces = List.copyOf(pieces);
    }

    int completionTokens() {
        return pieces.size();
    }

    /** The generated text (content, or tool-call arguments). */
    String text() {
        return String.join("", pieces);
    }
}
