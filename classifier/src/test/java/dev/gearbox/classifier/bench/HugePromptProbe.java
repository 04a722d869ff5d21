package dev.gearbox.classifier.bench;

import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.classifier.requestclass.RequestClassifierFile;
import dev.gearbox.classifier.requestclass.RequestClassifier;
import dev.gearbox.classifier.signals.Domain;
import dev.gearbox.classifier.signals.Signals;
import dev.gearbox.classifier.signals.TextPatterns;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the classifier's stages cost on prompts far past the embedder's bound: a 200k-token prompt
 * (864k characters of prose) and a megabyte with no word pieces (one long "word"). Also times the
 * domain keyword counting against the regex it replaced, on the 200k-token prompt's text. Median of
 * 20 calls after 10 warm-up calls. Not run by the build:
 * {@code java -cp "classifier/target/test-classes:classifier/target/classes:$(cat /tmp/cpt.txt)"
 * dev.gearbox.classifier.bench.HugePromptProbe}.
 */
public final class HugePromptProbe {

    private HugePromptProbe() {
    }

    public static void main(String[] args) {
        String prose = "The quick brown fox jumps over the lazy dog 12 times. ".repeat(16_000);
        String pieceFree = "a".repeat(1_000_000);
        ChatRequest huge = ChatRequest.of("auto", java.util.List.of(Message.of(Role.USER, prose)));
        Embedder embedder = new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run);
        RequestClassifier classes = RequestClassifierFile.bundled();
        float[] vector = embedder.embed(prose);
        String lower = prose.toLowerCase(Locale.ROOT);
        Pattern[] regexes = Arrays.stream(Domain.values()).map(d -> Pattern.compile("\\b(" + d.keywords().stream()
                .map(Pattern::quote).collect(Collectors.joining("|")) + ")\\b")).toArray(Pattern[]::new);

        time("Signals.of, 200k-token prompt", () -> Signals.of(huge));
        time("request-class rules, 200k-token prompt", () -> classes.classify(ConversationText.of(huge), vector));
        time("embedder input ids, 200k-token prompt", () -> embedder.inputIds(prose));
        time("embedder input ids, 1 MB without pieces", () -> embedder.inputIds(pieceFree));
        time("domain hits, KeywordCounter, 864k chars", () -> {
            int n = 0;
            for (Domain d : Domain.values()) {
                n += d.hits(prose);
            }
            return n;
        });
        time("domain hits, the regexes it replaced, 864k chars", () -> {
            int n = 0;
            for (Pattern p : regexes) {
                n += TextPatterns.count(p, lower);
            }
            return n;
        });
    }

    private static void time(String what, Supplier<?> call) {
        double[] millis = new double[20];
        for (int i = 0; i < 10; i++) {
            call.get();
        }
        for (int i = 0; i < millis.length; i++) {
            long start = System.nanoTime();
            call.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("%-52s p50 %8.2f ms%n", what, millis[millis.length / 2]);
    }
}
