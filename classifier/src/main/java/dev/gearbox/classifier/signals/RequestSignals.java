package dev.gearbox.classifier.signals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The cheap, interpretable signals of one request, each a pure function of the canonical request.
 * {@code domainHits} is indexed by {@link Domain#ordinal()}.
 */
public record RequestSignals(
        int promptTokens,
        int systemTokens,
        int codeBlocks,
        int mathExpressions,
        int numbers,
        int questions,
        int answerOptions,
        int turns,
        boolean hasTools,
        boolean hasResponseFormat,
        Script script,
        List<Integer> domainHits) {

    public RequestSignals {
        domainHits = List.copyOf(domainHits);
        if (domainHits.size() != Domain.values().length) {
            throw new IllegalArgumentException("need one hit count per domain, got " + domainHits.size());
        }
    }

    /** Names of the entries of {@link #toFeatures()}, in order. */
    public static List<String> featureNames() {
        List<String> names = new ArrayList<>(List.of("log_prompt_tokens", "log_system_tokens",
                "log_code_blocks", "log_math", "log_numbers", "log_questions", "log_answer_options", "log_turns",
                "tools", "response_format", "script_latin", "script_non_latin"));
        for (Domain d : Domain.values()) {
            names.add("domain_" + d.name().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** A numeric vector for models: counts on a log scale so long prompts do not dominate. */
    public double[] toFeatures() {
        double[] f = new double[featureNames().size()];
        int i = 0;
        f[i++] = Math.log1p(promptTokens);
        f[i++] = Math.log1p(systemTokens);
        f[i++] = Math.log1p(codeBlocks);
        f[i++] = Math.log1p(mathExpressions);
        f[i++] = Math.log1p(numbers);
        f[i++] = Math.log1p(questions);
        f[i++] = Math.log1p(answerOptions);
        f[i++] = Math.log1p(turns);
        f[i++] = hasTools ? 1 : 0;
        f[i++] = hasResponseFormat ? 1 : 0;
        f[i++] = script == Script.LATIN ? 1 : 0;
        f[i++] = script != Script.LATIN && script != Script.NONE ? 1 : 0;
        for (int hits : domainHits) {
            f[i++] = Math.log1p(hits);
        }
        return f;
    }
}
