package dev.gearbox.classifier.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.core.telemetry.log.DecisionLine;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.core.telemetry.log.LogLine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decision-log feedback becomes routing rows by the documented rules; logs without text cannot. */
class FeedbackRowsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    static DecisionLine decision(String id, String tier, boolean withText) {
        return new DecisionLine(id, "2026-11-24T10:00:00Z", "t", "auto", false, "ok", null, "code", 0.4, 0.2, null,
                tier, tier + "-1", "route", null, null, null, List.of(), null, 10L, 20L, 0.001, 0.01, "frontier-1",
                withText ? List.of(new DecisionLine.PromptMessage("system", "Be brief"),
                        new DecisionLine.PromptMessage("user", "Prompt " + id)) : null,
                withText ? "Answer " + id : null);
    }

    static FeedbackLine feedback(String id, Double score, String label) {
        return new FeedbackLine(id, "2026-11-24T11:00:00Z", "t", score, label, null);
    }

    @Test
    void labelsAndScoresBecomeWeakAndStrongScores() {
        DecisionLog log = new DecisionLog(
                List.of(decision("a", "fast", true), decision("b", "fast", true), decision("c", "balanced", true),
                        decision("d", "frontier", true), decision("e", "frontier", true), decision("f", "fast", true)),
                List.of(feedback("a", null, "good"), feedback("b", null, "bad"), feedback("c", 0.3, null),
                        feedback("d", null, "fast"), feedback("e", null, "good"), feedback("f", null, "frontier")),
                List.of());

        FeedbackRows.Result result = FeedbackRows.of(log);

        assertThat(result.rows()).extracting(RoutingRow::id, RoutingRow::weakScore, RoutingRow::strongScore)
                .containsExactly(
                        tuple("a", 1.0, 1.0),
                        tuple("b", 0.0, 1.0),
                        tuple("c", 0.3, 1.0),
                        tuple("d", 1.0, 1.0),
                        tuple("f", 0.0, 1.0));
        assertThat(result.notAboutTheWeakModel()).isEqualTo(1);
        RoutingRow b = result.rows().get(1);
        assertThat(b.source()).isEqualTo(FeedbackRows.SOURCE);
        assertThat(b.domain()).isEqualTo("code");
        assertThat(b.scale()).isEqualTo("binary");
        assertThat(b.strongNeeded()).isTrue();
        assertThat(b.weakAnswer()).isEqualTo("Answer b");
        assertThat(b.firstTurnRequest().messages().get(0).text()).isEqualTo("Prompt b");
    }

    @Test
    void theNewestFeedbackWinsAndOrphansOrTextlessRequestsAreCounted() {
        DecisionLog log = new DecisionLog(List.of(decision("a", "fast", true), decision("n", "fast", false)),
                List.of(feedback("a", null, "bad"), feedback("a", null, "good"), feedback("n", null, "bad"),
                        feedback("ghost", null, "bad")), List.of());

        FeedbackRows.Result result = FeedbackRows.of(log);

        assertThat(result.rows()).singleElement().extracting(RoutingRow::weakScore).isEqualTo(1.0);
        assertThat(result.withoutText()).isEqualTo(1);
        assertThat(result.withoutDecision()).isEqualTo(1);
    }

    @Test
    void theReaderSplitsLinesByKindAcrossFilesInNameOrder() throws Exception {
        write("decisions-2026-11-25.0.jsonl", decision("b", "fast", true), feedback("a", 1.0, null));
        write("decisions-2026-11-24.0.jsonl", decision("a", "fast", true));
        Files.writeString(dir.resolve("notes.txt"), "not a log");

        DecisionLog log = new DecisionLogReader().read(List.of(dir));

        assertThat(log.decisions()).extracting(DecisionLine::requestId).containsExactly("a", "b");
        assertThat(log.feedback()).extracting(FeedbackLine::requestId).containsExactly("a");
        assertThat(log.shadows()).isEmpty();
    }

    @Test
    void aMalformedLineFailsWithFileAndLine() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "\n{\"type\":\"decision\",\"request_id\":\n");

        assertThatThrownBy(() -> new DecisionLogReader().read(List.of(bad)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bad.jsonl:2: not a decision-log line");
        assertThatThrownBy(() -> new DecisionLogReader().read(List.of(dir.resolve("missing"))))
                .hasMessageContaining("no decision log at");
    }

    private void write(String name, LogLine... lines) throws Exception {
        List<String> text = new ArrayList<>();
        for (LogLine l : lines) {
            text.add(JSON.writeValueAsString(l));
        }
        Files.write(dir.resolve(name), text);
    }
}
