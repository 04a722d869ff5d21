package dev.gearbox.classifier.embed;

import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;

/** The text of a request that the router embeds: the latest user turn, the thing to be answered. */
public final class ConversationText {

    private ConversationText() {
    }

    /** The last user message's text; when there is none, every message's text joined by newlines. */
    public static String of(ChatRequest request) {
        List<Message> messages = request.messages();
        for (int i = messages.size() - 1; i >= 0; i--) {
            Message m = messages.get(i);
            if (m.role() == Role.USER && !m.text().isBlank()) {
                return m.text();
            }
        }
        StringBuilder all = new StringBuilder();
        for (Message m : messages) {
            if (!m.text().isBlank()) {
                if (all.length() > 0) {
                    all.append('\n');
                }
                all.append(m.text());
            }
        }
        return all.toString();
    }
}
