package dev.gearbox.classifier.signals;

import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.TokenCounter;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
        SignalWindow window = SignalWindow.of(prompt);
        String text = window.text();
        String lowerCase = text.toLowerCase(Locale.ROOT);
        List<Integer> hits = new ArrayList<>();
        for (Domain d : Domain.values()) {
            hits.add(window.scaled(d.hitsInLowerCase(lowerCase)));
        }
        return new RequestSignals(
                window.scaled(TokenCounter.count(text)),
                systemTokens,
                window.scaled(TextPatterns.codeBlocks(text)),
                window.scaled(TextPatterns.mathExpressions(text)),
                window.scaled(TextPatterns.numbers(text)),
                window.scaled(TextPatterns.questions(text)),
                window.scaled(TextPatterns.answerOptions(text)),
                turns,
                !request.tools().isEmpty(),
                request.responseFormat() != null && !request.responseFormat().isNull(),
                Script.of(text),
                hits);
    }
}
