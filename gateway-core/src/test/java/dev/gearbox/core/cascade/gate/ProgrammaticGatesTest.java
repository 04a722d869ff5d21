package dev.gearbox.core.cascade.gate;

import static dev.gearbox.core.cascade.gate.GateTesting.answer;
import static dev.gearbox.core.cascade.gate.GateTesting.ask;
import static dev.gearbox.core.cascade.gate.GateTesting.outcome;
import static dev.gearbox.core.cascade.gate.GateTesting.response;
import static dev.gearbox.core.cascade.gate.GateTesting.toolCalls;
import static dev.gearbox.core.cascade.gate.GateTesting.withLimit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The small programmatic gates: empty, length, refusal and regex. */
class ProgrammaticGatesTest {

    @Nested
    class Empty {
        private final EmptyAnswerGate gate = new EmptyAnswerGate();

        @Test
        void blankTextOrNoChoiceEscalates() {
            assertThat(outcome(gate, ask("q"), answer(""))).isEqualTo("escalate:empty_answer");
            assertThat(outcome(gate, ask("q"), answer("  \n\t"))).isEqualTo("escalate:empty_answer");
            assertThat(outcome(gate, ask("q"), response())).isEqualTo("escalate:empty_answer");
        }

        @Test
        void textOrAToolCallIsAccepted() {
            assertThat(outcome(gate, ask("q"), answer("4"))).isEqualTo("accept");
            assertThat(outcome(gate, ask("q"), toolCalls(ToolCall.function("c1", "f", "{}")))).isEqualTo("accept");
        }
    }

    @Nested
    class Length {
        private final LengthGate gate = new LengthGate();

        @Test
        void anAnswerCutByTheModelEscalates() {
            assertThat(outcome(gate, ask("q"), answer("Once upon a", "length"))).isEqualTo("escalate:truncated");
            assertThat(outcome(gate, ask("q"), answer("Done.", "stop"))).isEqualTo("accept");
        }

        @Test
        void aCutTheClientAskedForAbstains() {
            assertThat(outcome(gate, withLimit("q", 5), answer("Once upon a", "length"))).isEqualTo("abstain");
        }
    }

    @Nested
    class Refusal {
        private final RefusalGate gate = RefusalGate.withDefaults(List.of());

        @Test
        void commonRefusalOpeningsEscalate() {
            for (String text : List.of("I'm sorry, but I can't help with that.", "I cannot assist with this request.",
                    "As an AI language model, I cannot browse the internet.", "I am unable to provide that information.",
                    "Sorry, I can\u2019t help with that.", "I must respectfully decline.")) {
                assertThat(outcome(gate, ask("q"), answer(text))).as(text).isEqualTo("escalate:refusal");
            }
        }

        @Test
        void helpfulAnswersAndLateMentionsAreAccepted() {
            assertThat(outcome(gate, ask("q"), answer("Paris is the capital of France."))).isEqualTo("accept");
            String late = "Here is the plan. ".repeat(30) + "I'm sorry, but I can't stress enough how much this matters.";
            assertThat(outcome(gate, ask("q"), answer(late))).isEqualTo("accept");
        }

        @Test
        void theStructuredOutputsRefusalFieldEscalates() {
            Message m = new Message(Role.ASSISTANT, null, null, List.of(), null,
                    Map.of("refusal", JsonNodeFactory.instance.textNode("I can't produce that schema.")));
            assertThat(outcome(gate, ask("q"), response(new Choice(0, m, "stop", null)))).isEqualTo("escalate:refusal");
        }

        @Test
        void configuredPatternsAddToTheDefaults() {
            RefusalGate custom = RefusalGate.withDefaults(List.of("^Nope\\b"));
            assertThat(outcome(custom, ask("q"), answer("nope, not today"))).isEqualTo("escalate:refusal");
            assertThat(outcome(custom, ask("q"), answer("I cannot help with that"))).isEqualTo("escalate:refusal");
        }

        @Test
        void realArenaRefusalIsCaughtAndRealAnswersAreNot() {
            List<SharedRows.Row> rows = SharedRows.arena();
            // Mixtral declines to write the requested text; the judge scored it 1/10.
            SharedRows.Row refused = SharedRows.byId(rows, "arena_bench_v1/e881f630d9c1438da87bea55386673f5");
            assertThat(outcome(gate, ask(refused.prompt()), answer(refused.weakAnswer()))).isEqualTo("escalate:refusal");
            long strongFlagged = rows.stream()
                    .filter(r -> outcome(gate, ask(r.prompt()), answer(r.strongAnswer())).startsWith("escalate"))
                    .count();
            // Measured: none of GPT-4's 293 answers reads as a refusal, three of Mixtral's do.
            assertThat(strongFlagged).isZero();
        }
    }

    @Nested
    class Regex {
        @Test
        void mustMatchAndMustNotMatch() {
            RegexGate gate = RegexGate.of("(?m)^#### \\d+$", "(?i)lorem ipsum");

            assertThat(outcome(gate, ask("q"), answer("Work...\n#### 64"))).isEqualTo("accept");
            assertThat(outcome(gate, ask("q"), answer("The answer is 64"))).isEqualTo("escalate:regex_not_matched");
            assertThat(outcome(gate, ask("q"), answer("Lorem ipsum\n#### 1"))).isEqualTo("escalate:regex_forbidden");
            assertThat(outcome(gate, ask("q"), toolCalls(ToolCall.function("c", "f", "{}")))).isEqualTo("abstain");
        }

        @Test
        void realGsm8kAnswersCarryTheFinalAnswerLine() {
            RegexGate gate = RegexGate.of("(?m)^#### ", null);
            SharedRows.Row row = SharedRows.byId(SharedRows.gsm8k(), "gsm8k/5");

            assertThat(outcome(gate, ask(row.prompt()), answer(row.weakAnswer()))).isEqualTo("accept");
            assertThat(outcome(gate, ask(row.prompt()), answer(row.strongAnswer()))).isEqualTo("escalate:regex_not_matched");
        }

        @Test
        void needsAtLeastOnePattern() {
            assertThatThrownBy(() -> RegexGate.of(null, null)).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
