package dev.gearbox.core.routing.rules;

import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Forces a tier when the conversation's system and user text matches a pattern: a regex as
 * configured, or a keyword list compiled to one case-insensitive whole-word alternation.
 */
public record PatternRule(String name, Pattern pattern, Tier tier) implements RoutingRule {

    public static PatternRule regex(String name, String regex, Tier tier) {
        return new PatternRule(name, Pattern.compile(regex), tier);
    }

    /** Matches any of the words or phrases, case-insensitively, not inside a longer word. */
    public static PatternRule keywords(String name, List<String> words, Tier tier) {
        String alternation = words.stream().map(Pattern::quote).collect(Collectors.joining("|"));
        return new PatternRule(name, Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + alternation + ")(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), tier);
    }

    @Override
    public List<RuleEffect> evaluate(ChatRequest request, Map<String, String> gearboxHeaders) {
        return pattern.matcher(RequestText.of(request)).find() ? List.of(new RuleEffect.Force(tier)) : List.of();
    }
}
