package dev.gearbox.classifier.requestclass;

import java.util.Optional;
import java.util.Set;

/**
 * Maps the shared data's labels to request classes: arena-hard v2.0 categories, MMLU domains and
 * GSM8K. Rows without a usable label (arena-hard v0.1, arena_bench_v1) map to empty.
 */
public final class RequestClassLabels {

    private static final Set<String> MATH_DOMAINS = Set.of("abstract_algebra", "college_mathematics",
            "elementary_mathematics", "high_school_mathematics", "high_school_statistics", "econometrics",
            "college_physics", "high_school_physics");
    private static final Set<String> REASONING_DOMAINS = Set.of("formal_logic", "logical_fallacies",
            "moral_scenarios");

    private RequestClassLabels() {
    }

    /** The class of an arena-hard prompt category, if it names one. */
    public static Optional<RequestClass> ofArenaCategory(String category) {
        return switch (category == null ? "" : category) {
            case "coding" -> Optional.of(RequestClass.CODE);
            case "math" -> Optional.of(RequestClass.MATH);
            case "creative_writing" -> Optional.of(RequestClass.WRITING);
            default -> Optional.empty();
        };
    }

    /** The class of a routing row by its source and domain, if the source labels one. */
    public static Optional<RequestClass> ofRoutingRow(String source, String domain) {
        return switch (source) {
            case "gsm8k" -> Optional.of(RequestClass.MATH);
            case "mmlu" -> Optional.of(MATH_DOMAINS.contains(domain) ? RequestClass.MATH
                    : REASONING_DOMAINS.contains(domain) ? RequestClass.REASONING : RequestClass.KNOWLEDGE);
            default -> Optional.empty();
        };
    }
}
