package dev.gearbox.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.Tier;
import dev.gearbox.core.cache.CacheResult;
import dev.gearbox.core.cascade.CascadeTrace;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.telemetry.log.DecisionLine;
import dev.gearbox.core.telemetry.log.DecisionLines;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.core.telemetry.log.LogLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The decision-log line: its JSON shape, text only when asked, and a lossless read back. */
class DecisionLinesTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aLineCarriesTheDecisionAttemptsAndCostsButNoTextByDefault() throws Exception {
        JsonNode json = mapper.readTree(mapper.writeValueAsString(
                (LogLine) DecisionLines.of(Records.answered("r1", "code", Tier.FAST, "cheap"), false, "frontier")));

        assertThat(json.get("type").asText()).isEqualTo("decision");
        assertThat(json.get("request_id").asText()).isEqualTo("r1");
        assertThat(json.get("time").asText()).isEqualTo("2026-11-24T10:00:00Z");
        assertThat(json.get("tenant").asText()).isEqualTo("tenant-a");
        assertThat(json.get("class").asText()).isEqualTo("code");
        assertThat(json.get("score").asDouble()).isEqualTo(0.3);
        assertThat(json.get("plan").asText()).isEqualTo("route");
        assertThat(json.get("attempts").get(0).get("status").asText()).isEqualTo("ok");
        assertThat(json.get("attempts").get(0).get("latency_ms").asDouble()).isEqualTo(80.0);
        assertThat(json.get("latency_ms").get("overhead").asDouble()).isEqualTo(20.0);
        assertThat(json.get("cost_usd").asDouble()).isEqualTo(0.001);
        assertThat(json.get("baseline_usd").asDouble()).isEqualTo(0.01);
        assertThat(json.get("baseline_deployment").asText()).isEqualTo("frontier");
        assertThat(json.has("prompt")).isFalse();
        assertThat(json.has("answer")).isFalse();
        assertThat(json.has("cache")).isFalse();
    }

    @Test
    void withTextTheLineCarriesPromptAnswerCascadeAndCacheAndReadsBack() throws Exception {
        RequestRecord base = Records.answered("r2", "math", Tier.BALANCED, "mid");
        CascadeTrace trace = new CascadeTrace(Tier.FAST, true, List.of(
                new GateVerdict.Escalate("logprob", "low_confidence", "p=0.2"), new GateVerdict.Abstain("json")));
        RequestRecord record = new RequestRecord(base.requestId(), base.receivedAt(), base.tenant(), base.request(),
                false, "ok", null, base.route().withCascade(trace).withCache(CacheResult.semanticHit(0.97)),
                base.usage(), base.answer(), base.totalNanos(), -1, base.cost());

        String text = mapper.writeValueAsString((LogLine) DecisionLines.of(record, true, "frontier"));
        LogLine back = mapper.readValue(text, LogLine.class);

        assertThat(back).isInstanceOf(DecisionLine.class);
        DecisionLine line = (DecisionLine) back;
        assertThat(line.hasText()).isTrue();
        assertThat(line.prompt()).containsExactly(new DecisionLine.PromptMessage("user", "Write a haiku"));
        assertThat(line.answer()).isEqualTo("An answer");
        assertThat(line.plan()).isEqualTo("cascade");
        assertThat(line.cascade().verdicts()).containsExactly(
                new DecisionLine.VerdictEntry("logprob", "escalate", "low_confidence"),
                new DecisionLine.VerdictEntry("json", "abstain", null));
        assertThat(line.cache()).isEqualTo("hit-semantic");
        assertThat(line.similarity()).isEqualTo(0.97);
        assertThat(line).isEqualTo(DecisionLines.of(record, true, "frontier"));
    }

    @Test
    void feedbackLinesReadBackByType() throws Exception {
        LogLine line = mapper.readValue(
                "{\"type\":\"feedback\",\"request_id\":\"r1\",\"time\":\"t\",\"label\":\"bad\",\"extra\":1}", LogLine.class);

        assertThat(line).isEqualTo(new FeedbackLine("r1", "t", null, null, "bad", null));
    }
}
