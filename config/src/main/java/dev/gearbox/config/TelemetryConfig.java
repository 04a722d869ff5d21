package dev.gearbox.config;

import java.util.Objects;

/**
 * The {@code telemetry} section: the decision log, shadow mode and the baseline deployment whose
 * prices give the counterfactual cost ("what this request would have cost on the frontier").
 *
 * @param decisionLog        where and how the per-request JSON lines are written
 * @param shadow             the share of {@code auto} requests also sent to the baseline for review
 * @param baselineDeployment a configured deployment name, or null for the first frontier deployment
 */
public record TelemetryConfig(DecisionLogConfig decisionLog, ShadowConfig shadow, String baselineDeployment) {
    /** No section: no decision log, no shadow traffic, the first frontier deployment as baseline. */
    public static final TelemetryConfig DEFAULT = new TelemetryConfig(DecisionLogConfig.DISABLED, ShadowConfig.OFF, null);

    public TelemetryConfig {
        Objects.requireNonNull(decisionLog, "decisionLog");
        Objects.requireNonNull(shadow, "shadow");
    }
}
