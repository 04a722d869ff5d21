package dev.gearbox.classifier.signals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.classifier.data.RoutingDataReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
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
        Path dir = RoutingDataReader.dataDir();
        assumeTrue(Files.isDirectory(dir.resolve("routing")), "shared data not found at " + dir.toAbsolutePath());
        List<String> texts = texts(dir);
        List<String> differing = new ArrayList<>();
        int pairs = 0;
        for (Domain domain : Domain.values()) {
            Pattern regex = Pattern.compile("\\b(" + domain.keywords().stream().map(Pattern::quote)
                    .collect(Collectors.joining("|")) + ")\\b");
            for (String text : texts) {
                pairs++;
                if (domain.hits(text) != count(regex, text.toLowerCase(Locale.ROOT))) {
                    differing.add(domain + ": " + text.substring(0, Math.min(60, text.length())));
                }
            }
        }
        assertThat(pairs).isGreaterThan(100_000);
        assertThat(differing).isEmpty();
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> texts(Path dir) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>(List.of("c++11 and c++ code", "java javascript", "naïve café sum_total"));
        for (String file : List.of("routing/mmlu.train.jsonl", "routing/gsm8k.train.jsonl",
                "routing/arena_bench_v1.jsonl", "prompts/arena_hard.jsonl")) {
            for (String line : Files.readAllLines(dir.resolve(file))) {
                JsonNode row = json.readTree(line);
                for (JsonNode message : row.path("messages")) {
                    texts.add(message.path("content").asText());
                }
                for (String answer : List.of("weak_answer", "strong_answer")) {
                    if (row.hasNonNull(answer)) {
                        texts.add(row.get(answer).asText());
                    }
                }
            }
        }
        return texts;
    }
}
