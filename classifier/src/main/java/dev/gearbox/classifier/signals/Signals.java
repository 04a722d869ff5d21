package dev.gearbox.classifier.signals;

import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.TokenCounter;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.ArrayList;
import java.util.List;

/** Extracts {@link RequestSignals} from a canonical request. Pure and thread-safe. */
public final class Signals {

    private Signals() {
    }

    public static RequestSignals of(ChatRequest request) {
        String prompt = ConversationText.of(request);
        int systemTokens = 0;
        int turns = 0;
        for (Message m : request.messages()) {
            if (m.role() == Role.SYSTEM || m.role() == Role.DEVELOPER) {
                systemTokens += TokenCounter.count(m.text());
            } else if (m.role() == Role.USER) {
                turns++;
            }
        }
        List<Integer> hits = new ArrayList<>();
        for (Domain d : Domain.values()) {
            hits.add(d.hits(prompt));
        }
        return new RequestSignals(
                TokenCounter.count(prompt),
                systemTokens,
                TextPatterns.codeBlocks(prompt),
                TextPatterns.mathExpressions(prompt),
                TextPatterns.numbers(prompt),
                TextPatterns.questions(prompt),
                TextPatterns.answerOptions(prompt),
                turns,
                !request.tools().isEmpty(),
                request.responseFormat() != null && !request.responseFormat().isNull(),
                Script.of(prompt),
                hits);
    }
}
