package dev.gearbox.core.telemetry.log;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A side-by-side review of one {@code auto} request: the answer the client got and the baseline
 * deployment's answer to the same request, sent after the client's answer. Answers are present
 * only with {@code include_text: true}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShadowLine(@JsonProperty("request_id") String requestId, String time,
                         @JsonProperty("client_deployment") String clientDeployment,
                         @JsonProperty("client_cost_usd") double clientCostUsd,
                         @JsonProperty("client_answer") String clientAnswer,
                         @JsonProperty("shadow_deployment") String shadowDeployment,
                         @JsonProperty("shadow_outcome") String shadowOutcome,
                         @JsonProperty("shadow_latency_ms") double shadowLatencyMs,
                         @JsonProperty("shadow_input_tokens") Long shadowInputTokens,
                         @JsonProperty("shadow_output_tokens") Long shadowOutputTokens,
                         @JsonProperty("shadow_cost_usd") double shadowCostUsd,
                         @JsonProperty("shadow_answer") String shadowAnswer) implements LogLine {
}
