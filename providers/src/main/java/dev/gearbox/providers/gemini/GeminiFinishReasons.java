package dev.gearbox.providers.gemini;

/**
 * Gemini {@code finishReason} (and {@code promptFeedback.blockReason}) to OpenAI {@code finish_reason}.
 * A finished candidate that called a function says {@code tool_calls}, as OpenAI does; every safety,
 * recitation, blocklist and privacy stop is {@code content_filter}; the rest is a plain {@code stop}.
 */
final class GeminiFinishReasons {
    static final String CONTENT_FILTER = "content_filter";

    private GeminiFinishReasons() {
    }

    /** The OpenAI reason, or null while the candidate is still going ({@code reason} null). */
    static String toOpenAi(String reason, boolean calledTools) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "MAX_TOKENS" -> "length";
            case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" -> CONTENT_FILTER;
            default -> calledTools ? "tool_calls" : "stop";
        };
    }
}
