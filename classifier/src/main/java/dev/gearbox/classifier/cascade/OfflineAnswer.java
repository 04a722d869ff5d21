package dev.gearbox.classifier.cascade;

import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;
import java.util.Map;

/** A recorded answer text as the gates see a live one: a response whose only choice is that text, finished normally. */
public final class OfflineAnswer {

    private OfflineAnswer() {
    }

    public static ChatResponse of(String text, String model) {
        return new ChatResponse("offline", 0, model, List.of(new Choice(0, Message.of(Role.ASSISTANT, text), "stop", null)),
                null, null, Map.of());
    }
}
