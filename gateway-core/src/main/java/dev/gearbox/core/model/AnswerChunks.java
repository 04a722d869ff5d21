package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A complete answer as the chunks of a stream, the shape an OpenAI stream has: per choice a role
 * chunk, the content in chunks of at most {@value #CONTENT_CHARS} characters (token logprobs with
 * the first), one chunk per tool call, a finish chunk; then, with {@code include_usage}, one
 * usage-only chunk. The server appends {@code [DONE]}. Used to replay a cached answer and to
 * stream a cascaded answer once its gates accepted it.
 */
public final class AnswerChunks {
    static final int CONTENT_CHARS = 256;

    private AnswerChunks() {
    }

    public static List<ChatChunk> of(ChatResponse r, boolean includeUsage) {
        List<ChatChunk> out = new ArrayList<>();
        for (Choice c : r.choices()) {
            Message m = c.message();
            Map<String, JsonNode> extra = m == null ? Map.of() : m.extra();
            out.add(chunk(r, new ChunkChoice(c.index(), new Delta(Role.ASSISTANT, "", List.of(), extra), null, null)));
            String text = m == null ? "" : m.text();
            JsonNode logprobs = c.logprobs();
            for (int start = 0; start < text.length(); ) {
                int end = Math.min(text.length(), start + CONTENT_CHARS);
                if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                    end--; // never split a surrogate pair
                }
                out.add(chunk(r, new ChunkChoice(c.index(), Delta.content(text.substring(start, end)), null, logprobs)));
                logprobs = null;
                start = end;
            }
            List<ToolCall> calls = m == null ? List.of() : m.toolCalls();
            for (int i = 0; i < calls.size(); i++) {
                ToolCall call = calls.get(i);
                ToolCallDelta delta = new ToolCallDelta(i, call.id(), call.type(), call.name(), call.arguments());
                out.add(chunk(r, new ChunkChoice(c.index(), new Delta(null, null, List.of(delta), Map.of()), null, null)));
            }
            out.add(chunk(r, new ChunkChoice(c.index(), new Delta(null, null, List.of(), Map.of()),
                    c.finishReason() == null ? "stop" : c.finishReason(), logprobs)));
        }
        if (includeUsage && r.usage() != null) {
            out.add(new ChatChunk(r.id(), r.created(), r.model(), List.of(), r.usage(), r.systemFingerprint(), Map.of()));
        }
        return out;
    }

    private static ChatChunk chunk(ChatResponse r, ChunkChoice choice) {
        return new ChatChunk(r.id(), r.created(), r.model(), List.of(choice), null, r.systemFingerprint(), Map.of());
    }
}
