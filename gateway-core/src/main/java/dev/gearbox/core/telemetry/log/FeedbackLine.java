package dev.gearbox.core.telemetry.log;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A person's verdict on an answer, from {@code POST /v1/feedback}: a {@code score} in [0,1] or a
 * {@code label} ({@code good}, {@code bad}, or the tier the request should have gone to).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeedbackLine(@JsonProperty("request_id") String requestId, String time, String tenant, Double score,
                           String label, String comment) implements LogLine {
    public static final String GOOD = "good";
    public static final String BAD = "bad";
}
