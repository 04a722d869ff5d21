package dev.gearbox.providers.sse;

/**
 * One dispatched server-sent event.
 *
 * @param event the {@code event:} name, or {@code "message"} when the stream named none (as the SSE spec says)
 * @param data  the {@code data:} lines joined with {@code \n}
 */
public record SseEvent(String event, String data) {
    public static final String DEFAULT_EVENT = "message";

    /** True for OpenAI's end-of-stream sentinel {@code data: [DONE]}. */
    public boolean isDone() {
        return "[DONE]".equals(data);
    }
}
