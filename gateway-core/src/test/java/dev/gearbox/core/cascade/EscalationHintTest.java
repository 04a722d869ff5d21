package dev.gearbox.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.CascadeConfig;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EscalationHintTest {
    private static final ChatRequest REQUEST = ChatRequest.of("auto",
            List.of(Message.of(Role.SYSTEM, "Be brief."), Message.of(Role.USER, "What is 8 x 5?")));
    private static final GateVerdict.Escalate WHY = new GateVerdict.Escalate("arithmetic", "arithmetic_error",
            "the answer states 8 x 5 = 45, but the left side is 40");

    private static ChatResponse rejected(Message m) {
        return new ChatResponse("r", 1, "m", List.of(new Choice(0, m, "stop", null)), null, null, Map.of());
    }

    @Test
    void noneLeavesTheRequestAlone() {
        assertThat(new EscalationHint(CascadeConfig.Hint.NONE)
                .apply(REQUEST, rejected(Message.of(Role.ASSISTANT, "45")), WHY)).isSameAs(REQUEST);
    }

    @Test
    void reasonAppendsOneUserMessageWithTheGateAndItsDetail() {
        ChatRequest hinted = new EscalationHint(CascadeConfig.Hint.REASON)
                .apply(REQUEST, rejected(Message.of(Role.ASSISTANT, "8 x 5 = 45")), WHY);

        assertThat(hinted.messages()).hasSize(3);
        assertThat(hinted.messages().subList(0, 2)).isEqualTo(REQUEST.messages());
        Message hint = hinted.messages().get(2);
        assertThat(hint.role()).isEqualTo(Role.USER);
        assertThat(hint.text()).startsWith(EscalationHint.PREFIX)
                .contains("arithmetic: the answer states 8 x 5 = 45, but the left side is 40")
                .doesNotContain("Rejected draft");
    }

    @Test
    void answerAndReasonQuotesTheDraftIncludingToolCalls() {
        Message draft = new Message(Role.ASSISTANT, null, null, List.of(ToolCall.function("c", "calc", "{\"expr\":")),
                null, Map.of());
        String hint = new EscalationHint(CascadeConfig.Hint.ANSWER_AND_REASON).apply(REQUEST, rejected(draft), WHY)
                .messages().get(2).text();

        assertThat(hint).contains("Rejected draft:\n<<<\ntool call calc {\"expr\":\n>>>");
    }

    @Test
    void aLongDraftIsCut() {
        String hint = new EscalationHint(CascadeConfig.Hint.ANSWER_AND_REASON)
                .apply(REQUEST, rejected(Message.of(Role.ASSISTANT, "x".repeat(10_000))), WHY).messages().get(2).text();

        assertThat(hint.length()).isLessThan(EscalationHint.MAX_QUOTED_CHARS + 600);
    }
}
