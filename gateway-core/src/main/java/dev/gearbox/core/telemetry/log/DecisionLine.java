package dev.gearbox.core.telemetry.log;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What happened to one request. Text fields ({@code prompt}, {@code answer}) are present only when
 * the log was written with {@code include_text: true}; no API key is ever written.
 *
 * @param time     when the request arrived, ISO-8601 UTC
 * @param model    what the client asked for ({@code auto}, a tier or a deployment)
 * @param outcome  {@code ok}, {@code cancelled} or the error kind's tag
 * @param plan     {@code route} (one tier) or {@code cascade}
 * @param cache    the cache status ({@code hit-exact}, ...), null when no cache stage ran
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DecisionLine(
        @JsonProperty("request_id") String requestId,
        String time,
        String tenant,
        String model,
        boolean stream,
        String outcome,
        String error,
        @JsonProperty("class") String requestClass,
        Double score,
        Double confidence,
        String rule,
        String tier,
        String deployment,
        String plan,
        CascadeEntry cascade,
        String cache,
        Double similarity,
        List<AttemptEntry> attempts,
        @JsonProperty("latency_ms") Latency latencyMs,
        @JsonProperty("input_tokens") Long inputTokens,
        @JsonProperty("output_tokens") Long outputTokens,
        @JsonProperty("cost_usd") double costUsd,
        @JsonProperty("baseline_usd") double baselineUsd,
        @JsonProperty("baseline_deployment") String baselineDeployment,
        List<PromptMessage> prompt,
        String answer) implements LogLine {

    public static final String PLAN_ROUTE = "route";
    public static final String PLAN_CASCADE = "cascade";

    public DecisionLine {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** True when the line carries the prompt, so it can become a training row. */
    public boolean hasText() {
        return prompt != null && !prompt.isEmpty();
    }

    /** One upstream attempt: {@code status} is {@code ok} or the error kind's tag. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptEntry(String deployment, String tier, String status,
                               @JsonProperty("upstream_status") Integer upstreamStatus,
                               @JsonProperty("latency_ms") double latencyMs,
                               @JsonProperty("input_tokens") long inputTokens,
                               @JsonProperty("output_tokens") long outputTokens,
                               @JsonProperty("cost_usd") double costUsd) {
    }

    /** How a cascade went: its first tier, whether it escalated, every gate verdict in order. */
    public record CascadeEntry(@JsonProperty("start_tier") String startTier, boolean escalated,
                               List<VerdictEntry> verdicts) {
        public CascadeEntry {
            verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
        }
    }

    /** One gate verdict: {@code verdict} is accept, escalate or abstain; reason only for escalate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record VerdictEntry(String gate, String verdict, String reason) {
    }

    /** Milliseconds: total, upstream wait, Gearbox overhead, and time to first chunk (streams only). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Latency(double total, double upstream, double overhead, Double ttft) {
    }

    /** A prompt message's role and text. */
    public record PromptMessage(String role, String content) {
    }
}
