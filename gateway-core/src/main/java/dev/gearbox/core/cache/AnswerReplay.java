package dev.gearbox.core.cache;

import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.model.ToolCallDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A stored answer as the chunks of a stream, shaped like an upstream's: per choice a role chunk, the
 * content in pieces, one chunk per tool call, a finish chunk; then, when the client asked for it,
 * the usage-only chunk. The server writes {@code [DONE]}. Token logprobs, when stored, come whole with
 * the first content piece.
 */
final class AnswerReplay {
    /** Characters per content chunk: small enough to look like a stream, few enough to be cheap. */
    static final int PIECE = 96;

    private AnswerReplay() {
    }

    static List<ChatChunk> chunks(ChatResponse answer, boolean includeUsage) {
        List<ChatChunk> chunks = new ArrayList<>();
        for (Choice c : answer.choices()) {
            chunks.add(chunk(answer, new ChunkChoice(c.index(), new Delta(Role.ASSISTANT, "", List.of(), Map.of()), null,
                    null)));
            String text = c.message().content() == null ? null : c.message().text();
            if (text != null) {
                for (int from = 0; from < text.length(); from = next(text, from)) {
                    // a stored answer's token logprobs travel whole with its first piece
                    chunks.add(chunk(answer, new ChunkChoice(c.index(),
                            Delta.content(text.substring(from, next(text, from))), null, from == 0 ? c.logprobs() : null)));
                }
            }
            List<ToolCall> calls = c.message().toolCalls();
            for (int i = 0; i < calls.size(); i++) {
                ToolCall call = calls.get(i);
                ToolCallDelta delta = new ToolCallDelta(i, call.id(), call.type(), call.name(), call.arguments());
                chunks.add(chunk(answer, new ChunkChoice(c.index(), new Delta(null, null, List.of(delta), Map.of()),
                        null, null)));
            }
            chunks.add(chunk(answer, new ChunkChoice(c.index(), new Delta(null, null, List.of(), Map.of()),
                    c.finishReason(), null)));
        }
        if (includeUsage && answer.usage() != null) {
            chunks.add(new ChatChunk(answer.id(), answer.created(), answer.model(), List.of(), answer.usage(),
                    answer.systemFingerprint(), Map.of()));
        }
        return chunks;
    }

    /** The end of the piece starting at {@code from}, never splitting a surrogate pair. */
    private static int next(String text, int from) {
        int end = Math.min(text.length(), from + PIECE);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end++;
        }
        return end;
    }

    private static ChatChunk chunk(ChatResponse answer, ChunkChoice choice) {
        return new ChatChunk(answer.id(), answer.created(), answer.model(), List.of(choice), null,
                answer.systemFingerprint(), Map.of());
    }
}
