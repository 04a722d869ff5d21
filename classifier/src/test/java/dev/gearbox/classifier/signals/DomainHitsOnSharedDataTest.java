package dev.gearbox.classifier.signals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.classifier.data.SharedTexts;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Domain hits were counted with one regex {@code \b(k1|k2|...)\b} per domain when the shipped router
 * was trained; {@link KeywordCounter} must give the same counts on every shared text, or the served
 * signals would drift from the trained ones.
 */
class DomainHitsOnSharedDataTest {

    @Test
    void keywordCounterAgreesWithTheRegexOnEverySharedText() throws IOException {
        List<String> texts = new ArrayList<>(List.of("c++11 and c++ code", "java javascript", "naïve café sum_total"));
        texts.addAll(SharedTexts.allOrSkip());
        List<String> differing = new ArrayList<>();
        int pairs = 0;
        for (Domain domain : Domain.values()) {
            Pattern regex = Pattern.compile("\\b(" + domain.keywords().stream().map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")\\b");
            for (String text : texts) {
                pairs++;
                if (domain.hits(text) != TextPatterns.count(regex, text.toLowerCase(Locale.ROOT))) {
                    differing.add(domain + ": " + text.substring(0, Math.min(60, text.length())));
                }
            }
        }
        assertThat(pairs).isGreaterThan(100_000);
        assertThat(differing).isEmpty();
    }
}
