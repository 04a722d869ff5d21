package dev.gearbox.core.cache;

import static dev.gearbox.core.cache.CacheTesting.askCold;
import static dev.gearbox.core.cache.CacheTesting.withTemperature;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.SemanticCacheConfig;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SemanticScopesTest {
    private final SemanticScopes scopes = new SemanticScopes(
            new SemanticCacheConfig(true, 0.92, 100, 1 << 20, Duration.ofHours(1), 0.3));

    private static ChatRequest conversation(String system, String earlier, String last) {
        return withTemperature(ChatRequest.of("auto", List.of(Message.of(Role.SYSTEM, system),
                Message.of(Role.USER, earlier), Message.of(Role.ASSISTANT, "ok"), Message.of(Role.USER, last))), 0.0);
    }

    @Test
    void theQueryIsTheLastUserMessageInItsScope() {
        SemanticScopes.SemanticQuery q = scopes.query("t", conversation("Be brief.", "Hi", "What is Rust?")).orElseThrow();

        assertThat(q.prompt()).isEqualTo("What is Rust?");
        assertThat(q.scope().tenant()).isEqualTo("t");
        assertThat(q.scope().model()).isEqualTo("auto");
    }

    @Test
    void otherInstructionsOrEarlierTurnsAreAnotherScopeTheLastQuestionIsNot() {
        SemanticScope base = scopes.query("t", conversation("Be brief.", "Hi", "What is Rust?")).orElseThrow().scope();

        assertThat(scopes.query("t", conversation("Be brief.", "Hi", "Explain Rust.")).orElseThrow().scope())
                .isEqualTo(base);
        assertThat(scopes.query("t", conversation("Be verbose.", "Hi", "What is Rust?")).orElseThrow().scope())
                .isNotEqualTo(base);
        assertThat(scopes.query("t", conversation("Be brief.", "Hello", "What is Rust?")).orElseThrow().scope())
                .isNotEqualTo(base);
        assertThat(scopes.query("u", conversation("Be brief.", "Hi", "What is Rust?")).orElseThrow().scope())
                .isNotEqualTo(base);
    }

    @Test
    void hotSeveralChoicesLogprobsOrNoUserQuestionAreNotEligible() {
        ChatRequest cold = askCold("What is Rust?");

        assertThat(scopes.query("t", cold)).isPresent();
        assertThat(scopes.query("t", withTemperature(cold, null))).as("no temperature means 1.0").isEmpty();
        assertThat(scopes.query("t", withTemperature(cold, 0.7))).isEmpty();
        assertThat(scopes.query("t", new ChatRequest("auto", cold.messages(), false, false, List.of(), null, null, 0.0,
                null, null, null, 2, null, null, null, null, Map.of()))).isEmpty();
        assertThat(scopes.query("t", new ChatRequest("auto", cold.messages(), false, false, List.of(), null, null, 0.0,
                null, null, null, null, null, null, true, null, Map.of()))).isEmpty();
        assertThat(scopes.query("t", withTemperature(ChatRequest.of("auto", List.of(Message.of(Role.USER, "q"),
                Message.of(Role.ASSISTANT, "a"))), 0.0))).isEmpty();
    }
}
