package dev.gearbox.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the optional {@code telemetry} section. The baseline must be a configured deployment;
 * shadow traffic needs the decision log (its answers go nowhere else).
 */
final class TelemetryBinder {
    static final String SECTION = "telemetry";
    private static final List<String> KEYS = List.of("decision_log", "shadow", "baseline_deployment");
    private static final List<String> LOG_KEYS = List.of("enabled", "dir", "include_text", "max_file_size",
            "queue_capacity");
    private static final List<String> SHADOW_KEYS = List.of("share", "seed");

    private TelemetryBinder() {
    }

    static TelemetryConfig bind(ConfigReader root, Set<String> deployments) {
        Optional<ConfigReader> found = root.object(SECTION);
        if (found.isEmpty()) {
            return TelemetryConfig.DEFAULT;
        }
        ConfigReader t = found.get();
        t.rejectUnknownKeys(KEYS);
        DecisionLogConfig log = t.object("decision_log").map(TelemetryBinder::decisionLog)
                .orElse(DecisionLogConfig.DISABLED);
        ShadowConfig shadow = t.object("shadow").map(TelemetryBinder::shadow).orElse(ShadowConfig.OFF);
        if (shadow.enabled() && !log.enabled()) {
            t.errorAt(ConfigPath.child(ConfigPath.child(t.path(), "shadow"), "share"),
                    "shadow mode writes its answers to the decision log: enable telemetry.decision_log too");
        }
        String baseline = t.string("baseline_deployment").map(String::strip).orElse(null);
        if (baseline != null && !deployments.isEmpty() && !deployments.contains(baseline)) {
            t.error("baseline_deployment", "unknown deployment '" + baseline + "'"
                    + KeySuggestions.hint(baseline, deployments));
        }
        return new TelemetryConfig(log, shadow, baseline);
    }

    private static DecisionLogConfig decisionLog(ConfigReader l) {
        l.rejectUnknownKeys(LOG_KEYS);
        DecisionLogConfig d = DecisionLogConfig.DISABLED;
        boolean enabled = l.bool("enabled").orElse(true);
        Path dir = l.string("dir").flatMap(s -> path(l, s)).orElse(d.directory());
        boolean includeText = l.bool("include_text").orElse(false);
        long maxBytes = l.positiveByteSize("max_file_size").orElse(d.maxFileBytes());
        int capacity = l.integer("queue_capacity").filter(c -> {
            boolean ok = c >= 1 && c <= 1_000_000;
            if (!ok) {
                l.error("queue_capacity", "must be between 1 and 1000000, got " + c);
            }
            return ok;
        }).map(Long::intValue).orElse(d.queueCapacity());
        return new DecisionLogConfig(enabled, dir, includeText, maxBytes, capacity);
    }

    private static Optional<Path> path(ConfigReader l, String value) {
        if (value.isBlank()) {
            l.error("dir", "must not be empty");
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(value.strip()));
        } catch (InvalidPathException e) {
            l.error("dir", "not a valid folder path: '" + value + "'");
            return Optional.empty();
        }
    }

    private static ShadowConfig shadow(ConfigReader s) {
        s.rejectUnknownKeys(SHADOW_KEYS);
        double share = s.number("share").filter(v -> {
            boolean ok = v >= 0 && v <= 1;
            if (!ok) {
                s.error("share", "must be between 0 and 1, got " + v);
            }
            return ok;
        }).orElse(0.0);
        long seed = s.integer("seed").orElse(ShadowConfig.DEFAULT_SEED);
        return new ShadowConfig(share, seed);
    }
}
