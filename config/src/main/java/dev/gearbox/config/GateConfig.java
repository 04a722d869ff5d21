package dev.gearbox.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One quality gate of the cascade, as configured; the cascade runs them in list order. The
 * {@link #type()} is the name written in YAML and used as the gate's metric tag.
 */
public sealed interface GateConfig {
    String type();

    /** An answer with no text and no tool call. */
    record Empty() implements GateConfig {
        public String type() {
            return "empty";
        }
    }

    /** {@code finish_reason: length} when the client set no output limit. */
    record Length() implements GateConfig {
        public String type() {
            return "length";
        }
    }

    /** Refusal openings: the built-in list (unless {@code useDefaults} is false) plus {@code patterns}. */
    record Refusal(List<String> patterns, boolean useDefaults) implements GateConfig {
        public Refusal {
            patterns = List.copyOf(patterns);
        }

        public String type() {
            return "refusal";
        }
    }

    /** The answer must match {@code mustMatch} and must not match {@code mustNotMatch}; either may be null. */
    record Regex(String mustMatch, String mustNotMatch) implements GateConfig {
        public String type() {
            return "regex";
        }
    }

    /** One JSON object when response_format asks for JSON. */
    record Json() implements GateConfig {
        public String type() {
            return "json";
        }
    }

    /** Validation against response_format.json_schema.schema. */
    record JsonSchema() implements GateConfig {
        public String type() {
            return "json_schema";
        }
    }

    /** Tool-call arguments that parse as a JSON object, for an offered tool. */
    record ToolArgs() implements GateConfig {
        public String type() {
            return "tool_args";
        }
    }

    /** Equations {@code a op b = c} in the answer must hold within {@code tolerance} (relative). */
    record Arithmetic(double tolerance) implements GateConfig {
        public static final double DEFAULT_TOLERANCE = 0.01;

        public String type() {
            return "arithmetic";
        }
    }

    /** Mean and least token logprob floors (natural log, at most 0). */
    record Logprob(double minMean, double minToken) implements GateConfig {
        public static final double DEFAULT_MIN_MEAN = -1.2;
        public static final double DEFAULT_MIN_TOKEN = -6.0;

        public String type() {
            return "logprob";
        }
    }

    /**
     * The embedded answer-quality model (classifier module): escalates when its P(good enough) for
     * the answer is below {@code threshold}.
     */
    record AnswerModel(double threshold) implements GateConfig {
        /** The classifier's {@code AnswerModelGate.DEFAULT_THRESHOLD}: 5-30% escalations on the shared rows. */
        public static final double DEFAULT_THRESHOLD = 0.35;

        public String type() {
            return "answer_model";
        }
    }

    /** A configured deployment grades the answer, within {@code timeout}. */
    record Judge(String deployment, Duration timeout) implements GateConfig {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

        public Judge {
            Objects.requireNonNull(deployment, "deployment");
            Objects.requireNonNull(timeout, "timeout");
        }

        public String type() {
            return "judge";
        }
    }
}
