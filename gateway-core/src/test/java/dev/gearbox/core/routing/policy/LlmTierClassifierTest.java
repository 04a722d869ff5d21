package dev.gearbox.core.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.testing.Errors;
import dev.gearbox.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The LLM strategy with a scripted deployment: a good verdict is used, anything else falls back. */
class LlmTierClassifierTest {
    private static final ClassifierVerdict FALLBACK = new ClassifierVerdict(Tier.BALANCED, 0.5, 0.3, "code");
    private static final Set<String> CLASSES = Set.of("code", "math", "chat", "other");
    private static final ChatRequest REQUEST = ChatRequest.of("auto", List.of(Message.of(Role.USER, "integrate x^2")));

    private final ScriptedProvider llm = new ScriptedProvider("judge");

    private LlmTierClassifier classifier(Duration timeout) {
        return new LlmTierClassifier(llm, timeout, request -> CompletableFuture.completedFuture(FALLBACK), CLASSES);
    }

    @Test
    void aGoodVerdictDecides() {
        llm.answer("```json\n{\"tier\": \"frontier\", \"class\": \"math\", \"confidence\": 0.9}\n```");

        ClassifierVerdict v = classifier(Duration.ofSeconds(5)).classify(REQUEST).join();

        assertThat(v).isEqualTo(new ClassifierVerdict(Tier.FRONTIER, null, 0.9, "math"));
        assertThat(llm.requests()).singleElement().satisfies(sent -> {
            assertThat(sent.messages().get(0).text()).contains("\"tier\"");
            assertThat(sent.messages().get(1).text()).contains("integrate x^2");
            assertThat(sent.temperature()).isZero();
            assertThat(sent.maxTokens()).isEqualTo(LlmTierClassifier.VERDICT_MAX_TOKENS);
        });
    }

    @Test
    void anUnknownClassIsRecordedAsOther() {
        llm.answer("{\"tier\": \"fast\", \"class\": \"poetry\", \"confidence\": 1}");

        assertThat(classifier(Duration.ofSeconds(5)).classify(REQUEST).join().requestClass()).isEqualTo("other");
    }

    @Test
    void aTimeoutFallsBackAndCancelsTheCall() {
        llm.hang();

        ClassifierVerdict v = classifier(Duration.ofMillis(30)).classify(REQUEST).join();

        assertThat(v).isEqualTo(FALLBACK);
        assertThat(llm.pending()).isCancelled();
    }

    @Test
    void garbageFallsBack() {
        for (String answer : List.of("frontier, I think", "{\"tier\": \"gold\", \"confidence\": 0.5}",
                "{\"tier\": \"fast\", \"confidence\": 1.7}", "{\"tier\": \"fast\", \"confidence\": \"high\"}",
                "{\"tier\": \"fast\", \"confidence\": 0.5")) {
            ScriptedProvider provider = new ScriptedProvider("judge").answer(answer);
            LlmTierClassifier c = new LlmTierClassifier(provider, Duration.ofSeconds(5),
                    request -> CompletableFuture.completedFuture(FALLBACK), CLASSES);

            assertThat(c.classify(REQUEST).join()).as(answer).isEqualTo(FALLBACK);
        }
    }

    @Test
    void aLongConversationIsCutToTheStartAndTheEnd() {
        llm.answer("{\"tier\": \"fast\", \"class\": \"chat\", \"confidence\": 0.8}");
        String longText = "BEGIN " + "x".repeat(50_000) + " END";

        classifier(Duration.ofSeconds(5)).classify(ChatRequest.of("auto", List.of(Message.of(Role.USER, longText)))).join();

        String sent = llm.requests().get(0).messages().get(1).text();
        assertThat(sent.length()).isLessThan(LlmTierClassifier.MAX_PROMPT_CHARS + 20);
        assertThat(sent).startsWith("user: BEGIN").endsWith("END\n");
    }

    @Test
    void anUpstreamErrorFallsBack() {
        llm.fail(Errors.unavailable());

        assertThat(classifier(Duration.ofSeconds(5)).classify(REQUEST).join()).isEqualTo(FALLBACK);
    }
}
