package dev.gearbox.classifier.signals;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void extractsEverySignalFromAConversation() {
        List<Message> messages = List.of(
                Message.of(Role.SYSTEM, "You are a careful math tutor."),
                Message.of(Role.USER, "Hi"),
                Message.of(Role.ASSISTANT, "Hello!"),
                Message.of(Role.USER, "Solve 2x + 3 = 7. Why is it 2? Show the equation steps."));
        ChatRequest request = new ChatRequest("auto", messages, false, false,
                List.of(Tool.function("calc", "calculator", JsonNodeFactory.instance.objectNode())), null,
                JsonNodeFactory.instance.objectNode().put("type", "json_object"), null, null, null, null, null,
                null, null, null, null, Map.of());

        RequestSignals s = Signals.of(request);

        assertThat(s.turns()).isEqualTo(2);
        assertThat(s.systemTokens()).isEqualTo(7);
        assertThat(s.promptTokens()).isGreaterThan(10);
        assertThat(s.mathExpressions()).isEqualTo(1);
        assertThat(s.questions()).isEqualTo(1);
        assertThat(s.hasTools()).isTrue();
        assertThat(s.hasResponseFormat()).isTrue();
        assertThat(s.script()).isEqualTo(Script.LATIN);
        assertThat(s.domainHits().get(Domain.MATH.ordinal())).isEqualTo(2);
        assertThat(s.toFeatures()).hasSize(RequestSignals.featureNames().size());
    }

    @Test
    void plainRequestHasNoToolsOrFormat() {
        RequestSignals s = Signals.of(ChatRequest.of("auto", List.of(Message.of(Role.USER, "Write a poem."))));
        assertThat(s.hasTools()).isFalse();
        assertThat(s.hasResponseFormat()).isFalse();
        assertThat(s.turns()).isEqualTo(1);
        assertThat(s.systemTokens()).isZero();
        assertThat(s.toFeatures()[0]).isEqualTo(Math.log1p(s.promptTokens()));
    }
}
