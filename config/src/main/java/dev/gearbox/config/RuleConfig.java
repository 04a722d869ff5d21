package dev.gearbox.config;

import java.util.List;

/** One override rule under {@code router.rules}; {@code name} is what {@code x-gearbox-rule} reports. */
public sealed interface RuleConfig {
    String name();

    /** Any of the words (case-insensitive, whole words) in the conversation forces {@code tier}. */
    record Keywords(String name, List<String> words, Tier tier) implements RuleConfig {
        public Keywords {
            words = List.copyOf(words);
        }
    }

    /** A match of {@code pattern} (Java regex syntax) in the conversation forces {@code tier}. */
    record Regex(String name, String pattern, Tier tier) implements RuleConfig {
    }

    /**
     * From the {@code fromTurn}-th user turn on, go {@code up} tiers above the classifier's pick,
     * unless its confidence is above {@code unlessConfidenceAbove}.
     */
    record Depth(String name, int fromTurn, int up, double unlessConfidenceAbove) implements RuleConfig {
    }

    /** A request with tools or a JSON schema response format gets at least {@code tier}. */
    record MinTierForTools(String name, Tier tier) implements RuleConfig {
    }

    /** Honours the request headers {@code x-gearbox-tier} (force) and {@code x-gearbox-max-tier} (cap). */
    record Header(String name) implements RuleConfig {
    }
}
