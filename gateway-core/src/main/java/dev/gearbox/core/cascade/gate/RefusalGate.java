package dev.gearbox.core.cascade.gate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Escalates a refusal: the message's {@code refusal} field (structured outputs), or an opening that
 * matches one of the patterns. Only the first {@value #OPENING_CHARS} characters are searched:
 * refusals come first, and a long helpful answer that quotes "I can't" later is not one.
 */
public record RefusalGate(List<Pattern> patterns) implements QualityGate {
    public static final String NAME = "refusal";
    public static final String REASON = "refusal";
    static final int OPENING_CHARS = 400;
    private static final String APOS = "['\u2019]";

    /** Common English refusal openings, case-insensitive. */
    public static final List<String> DEFAULT_PATTERNS = List.of(
            "\\bI(?:" + APOS + "m| am) (?:so |very )?(?:sorry|afraid),? (?:but )?I (?:can" + APOS + "?t|cannot|can not"
                    + "|won" + APOS + "t|will not|am unable|" + APOS + "m unable|am not able|" + APOS + "m not able)",
            "^\\s*(?:sorry,? )?I (?:can" + APOS + "?t|cannot|can not|won" + APOS + "t|will not) (?:help|assist|provide"
                    + "|comply|fulfill|do that|answer|create|generate|write|engage|support)",
            "\\bas an AI(?: language model| assistant)?,? I (?:can" + APOS + "?t|cannot|don" + APOS + "t|do not"
                    + "|am unable|" + APOS + "m unable|am not able)",
            "^\\s*I(?:" + APOS + "m| am) (?:unable|not able) to (?:help|assist|provide|comply|fulfill|answer)",
            "\\bI must (?:respectfully )?(?:decline|refuse)");

    public RefusalGate {
        patterns = List.copyOf(patterns);
    }

    /** The default patterns plus {@code extra} (regular expressions, matched case-insensitively). */
    public static RefusalGate withDefaults(List<String> extra) {
        List<String> all = new ArrayList<>(DEFAULT_PATTERNS);
        all.addAll(extra);
        return of(all);
    }

    public static RefusalGate of(List<String> regexes) {
        return new RefusalGate(regexes.stream()
                .map(r -> Pattern.compile(r, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.MULTILINE))
                .toList());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        Optional<Message> message = Answers.firstMessage(answer);
        if (message.isEmpty()) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        JsonNode refusal = message.get().extra().get("refusal");
        if (refusal != null && refusal.isTextual() && !refusal.textValue().isBlank()) {
            return Answers.done(new GateVerdict.Escalate(NAME, REASON, Answers.clip(refusal.textValue(), 200)));
        }
        String text = message.get().text();
        String opening = text.length() > OPENING_CHARS ? text.substring(0, OPENING_CHARS) : text;
        for (Pattern p : patterns) {
            var m = p.matcher(opening);
            if (m.find()) {
                return Answers.done(new GateVerdict.Escalate(NAME, REASON, "the answer refuses: \"" + m.group() + "\""));
            }
        }
        return Answers.done(new GateVerdict.Accept(NAME));
    }
}
