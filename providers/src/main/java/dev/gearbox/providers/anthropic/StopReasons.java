package dev.gearbox.providers.anthropic;

/** Anthropic's {@code stop_reason} as OpenAI's {@code finish_reason}. */
final class StopReasons {
    private StopReasons() {
    }

    /**
     * end_turn, stop_sequence and pause_turn stop; max_tokens and a full context window are a length
     * cut; tool_use calls tools (but is a plain stop when the tool was JSON mode's); refusal is a
     * content filter. Null stays null (the answer is not over); anything new reads as stop.
     */
    static String finishReason(String stopReason, boolean jsonMode) {
        if (stopReason == null) {
            return null;
        }
        return switch (stopReason) {
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> jsonMode ? "stop" : "tool_calls";
            case "refusal" -> "content_filter";
            default -> "stop";
        };
    }
}
