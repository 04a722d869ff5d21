package dev.gearbox.core.cascade.gate;

import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/**
 * Checks the answer's text against configured patterns: it must contain a match of
 * {@code mustMatch} and no match of {@code mustNotMatch}; either may be null (not checked).
 * Abstains on an answer with no text (a tool call).
 */
public record RegexGate(Pattern mustMatch, Pattern mustNotMatch) implements QualityGate {
    public static final String NAME = "regex";
    public static final String MISSING = "regex_not_matched";
    public static final String FORBIDDEN = "regex_forbidden";

    public RegexGate {
        if (mustMatch == null && mustNotMatch == null) {
            throw new IllegalArgumentException("a regex gate needs must_match or must_not_match");
        }
    }

    public static RegexGate of(String mustMatch, String mustNotMatch) {
        return new RegexGate(mustMatch == null ? null : Pattern.compile(mustMatch),
                mustNotMatch == null ? null : Pattern.compile(mustNotMatch));
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer) {
        String text = answer.firstText();
        if (text.isEmpty()) {
            return Answers.done(new GateVerdict.Abstain(NAME));
        }
        if (mustMatch != null && !mustMatch.matcher(text).find()) {
            return Answers.done(new GateVerdict.Escalate(NAME, MISSING,
                    "the answer does not match the required pattern " + mustMatch.pattern()));
        }
        if (mustNotMatch != null) {
            var m = mustNotMatch.matcher(text);
            if (m.find()) {
                return Answers.done(new GateVerdict.Escalate(NAME, FORBIDDEN,
                        "the answer contains \"" + Answers.clip(m.group(), 80) + "\", which is not allowed"));
            }
        }
        return Answers.done(new GateVerdict.Accept(NAME));
    }
}
