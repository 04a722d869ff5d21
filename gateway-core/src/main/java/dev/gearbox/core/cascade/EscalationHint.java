package dev.gearbox.core.cascade;

import dev.gearbox.config.CascadeConfig;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the next tier is told when an answer is rejected: nothing, the gate's reason, or the reason
 * and the rejected answer. The hint is one user message appended after the conversation (a user
 * turn is accepted by every provider, a late system message is not), so the conversation itself
 * reaches the next tier unchanged. The rejected answer is quoted as text, tool calls included,
 * because replaying it as an assistant turn would demand tool results it never had.
 */
public record EscalationHint(CascadeConfig.Hint mode) {
    static final String PREFIX = "[gearbox] An automatic quality check rejected a draft answer to this conversation";
    static final int MAX_QUOTED_CHARS = 4000;

    public EscalationHint {
        Objects.requireNonNull(mode, "mode");
    }

    /** {@code request} with the hint appended; the same request when the mode is {@code none}. */
    public ChatRequest apply(ChatRequest request, ChatResponse rejected, GateVerdict.Escalate why) {
        if (mode == CascadeConfig.Hint.NONE) {
            return request;
        }
        StringBuilder hint = new StringBuilder(PREFIX).append(" (").append(why.gate()).append(": ")
                .append(why.detail() == null || why.detail().isBlank() ? why.reason() : why.detail()).append(").");
        if (mode == CascadeConfig.Hint.ANSWER_AND_REASON) {
            hint.append("\n\nRejected draft:\n<<<\n").append(quoted(rejected)).append("\n>>>");
        }
        hint.append("\n\nWrite a complete, corrected answer to the conversation above; do not mention the check.");
        List<Message> messages = new ArrayList<>(request.messages());
        messages.add(Message.of(Role.USER, hint.toString()));
        return request.withMessages(messages);
    }

    private static String quoted(ChatResponse rejected) {
        StringBuilder sb = new StringBuilder(rejected.firstText());
        if (!rejected.choices().isEmpty() && rejected.choices().get(0).message() != null) {
            for (ToolCall call : rejected.choices().get(0).message().toolCalls()) {
                sb.append(sb.length() == 0 ? "" : "\n").append("tool call ").append(call.name()).append(' ')
                        .append(call.arguments());
            }
        }
        String text = sb.toString();
        return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS) + "...";
    }
}
