package dev.gearbox.core.telemetry.log;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One line of the decision log, a JSON object whose {@code type} says which kind: a
 * {@link DecisionLine} per request, a {@link FeedbackLine} per {@code POST /v1/feedback}, a
 * {@link ShadowLine} per shadow comparison. The server writes them, {@code gearbox report} and
 * {@code gearbox train} read them back: this is the file format.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DecisionLine.class, name = "decision"),
    @JsonSubTypes.Type(value = FeedbackLine.class, name = "feedback"),
    @JsonSubTypes.Type(value = ShadowLine.class, name = "shadow")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface LogLine permits DecisionLine, FeedbackLine, ShadowLine {
    /** The request this line is about. */
    String requestId();
}
