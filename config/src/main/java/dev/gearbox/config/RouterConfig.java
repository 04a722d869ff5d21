package dev.gearbox.config;

import java.util.List;
import java.util.Objects;

/**
 * How {@code model: auto} is decided when the classifier is on: the model file, the thresholds that
 * turn its score into a tier, the confidence floor, the optional LLM classifier and the override
 * rules, evaluated in list order before the classifier. With {@code enabled: false}, {@code auto}
 * goes to {@code routing.default_tier}.
 *
 * @param model               {@link #BUILTIN} for the model shipped in the jar, or a model file path
 * @param confidenceFloor     a classifier confidence below this sends the request to {@code lowConfidenceTier}
 * @param llm                 the optional LLM classifier, null when not configured
 */
public record RouterConfig(
        boolean enabled,
        String model,
        Thresholds thresholds,
        double confidenceFloor,
        Tier lowConfidenceTier,
        LlmClassifierConfig llm,
        List<RuleConfig> rules) {

    public static final String BUILTIN = "builtin";
    /** On a calibration set of hard prompts: about half stays on fast, one in ten reaches frontier. */
    public static final Thresholds DEFAULT_THRESHOLDS = new Thresholds.Shares(0.5, 0.1);
    public static final double DEFAULT_CONFIDENCE_FLOOR = 0.05;
    /** Used when the config has no {@code router} section: {@code auto} keeps going to the default tier. */
    public static final RouterConfig DISABLED = new RouterConfig(false, BUILTIN, DEFAULT_THRESHOLDS,
            DEFAULT_CONFIDENCE_FLOOR, Tier.BALANCED, null, List.of());

    public RouterConfig {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(thresholds, "thresholds");
        Objects.requireNonNull(lowConfidenceTier, "lowConfidenceTier");
        rules = List.copyOf(rules);
    }

    public boolean builtinModel() {
        return BUILTIN.equals(model);
    }
}
