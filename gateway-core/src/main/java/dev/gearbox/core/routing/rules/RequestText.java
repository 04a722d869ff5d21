package dev.gearbox.core.routing.rules;

import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;

/** The parts of a request that content rules look at. */
final class RequestText {
    private RequestText() {
    }

    /** The text of every system and user message, newline-separated (assistant turns are not the client's words). */
    static String of(ChatRequest request) {
        StringBuilder text = new StringBuilder();
        for (Message m : request.messages()) {
            if (m.role() == Role.USER || m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER) {
                text.append(m.text()).append('\n');
            }
        }
        return text.toString();
    }

    /** How many user messages the conversation holds: the turn the request is on. */
    static int userTurns(ChatRequest request) {
        int turns = 0;
        for (Message m : request.messages()) {
            if (m.role() == Role.USER) {
                turns++;
            }
        }
        return turns;
    }
}
