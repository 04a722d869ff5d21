package dev.gearbox.core.cache;

import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.model.ToolCallDelta;
import dev.gearbox.core.model.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rebuilds the complete response from a stream's chunks, so a streamed answer can be stored. Gives
 * up (returns empty) on anything it cannot reproduce faithfully: token logprobs, delta fields it does
 * not know (e.g. a refusal), a choice without a finish reason. Not thread-safe: a stream's chunks
 * arrive in order on one thread at a time.
 */
final class StreamAssembler {
    private final Map<Integer, ChoiceParts> choices = new TreeMap<>();
    private String id;
    private long created;
    private String model;
    private String systemFingerprint;
    private Usage usage;
    private boolean unsupported;

    void add(ChatChunk chunk) {
        if (id == null) {
            id = chunk.id();
            created = chunk.created();
            model = chunk.model();
        }
        if (chunk.systemFingerprint() != null) {
            systemFingerprint = chunk.systemFingerprint();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
        for (ChunkChoice c : chunk.choices()) {
            if (c.logprobs() != null && !c.logprobs().isNull() || !c.delta().extra().isEmpty()) {
                unsupported = true;
            }
            ChoiceParts parts = choices.computeIfAbsent(c.index(), i -> new ChoiceParts());
            if (c.delta().content() != null) {
                parts.content.append(c.delta().content());
                parts.hasContent = true;
            }
            for (ToolCallDelta d : c.delta().toolCalls()) {
                parts.toolCall(d);
            }
            if (c.finishReason() != null) {
                parts.finishReason = c.finishReason();
            }
        }
    }

    /** The complete response, or empty when the stream cannot be reproduced from what was kept. */
    Optional<ChatResponse> response() {
        if (unsupported || id == null || choices.isEmpty()) {
            return Optional.empty();
        }
        List<Choice> complete = new ArrayList<>();
        for (Map.Entry<Integer, ChoiceParts> e : choices.entrySet()) {
            ChoiceParts p = e.getValue();
            if (p.finishReason == null) {
                return Optional.empty();
            }
            List<ToolCall> calls = new ArrayList<>();
            for (ToolCallParts t : p.toolCalls.values()) {
                calls.add(new ToolCall(t.id, t.type == null ? "function" : t.type, t.name, t.arguments.toString()));
            }
            Message message = new Message(Role.ASSISTANT, p.hasContent ? Content.of(p.content.toString()) : null, null,
                    calls, null, Map.of());
            complete.add(new Choice(e.getKey(), message, p.finishReason, null));
        }
        return Optional.of(new ChatResponse(id, created, model, complete, usage, systemFingerprint, Map.of()));
    }

    private static final class ChoiceParts {
        final StringBuilder content = new StringBuilder();
        final Map<Integer, ToolCallParts> toolCalls = new TreeMap<>();
        boolean hasContent;
        String finishReason;

        void toolCall(ToolCallDelta d) {
            ToolCallParts t = toolCalls.computeIfAbsent(d.index(), i -> new ToolCallParts());
            if (d.id() != null) {
                t.id = d.id();
            }
            if (d.type() != null) {
                t.type = d.type();
            }
            if (d.name() != null) {
                t.name = d.name();
            }
            if (d.arguments() != null) {
                t.arguments.append(d.arguments());
            }
        }
    }

    private static final class ToolCallParts {
        final StringBuilder arguments = new StringBuilder();
        String id;
        String type;
        String name;
    }
}
