package dev.gearbox.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Binds the optional {@code cascade} section. Without it every request is routed
 * ({@link CascadeConfig#DISABLED}). Start and ceiling must be tiers declared under {@code tiers},
 * the start no higher than the ceiling; a judge must name a configured deployment; thresholds,
 * patterns and class names are checked where they are written.
 */
final class CascadeBinder {
    static final String SECTION = "cascade";
    static final String FROM_ROUTER = "router";
    private static final List<String> KEYS = List.of("enabled", "start_tier", "ceiling_tier", "max_escalations",
            "hint", "classes", "streams", "gates");
    static final List<String> GATE_TYPES = List.of("empty", "length", "refusal", "regex", "json", "json_schema",
            "tool_args", "arithmetic", "logprob", "answer_model", "judge");
    private static final List<String> HINTS = Arrays.stream(CascadeConfig.Hint.values())
            .map(CascadeConfig.Hint::wire).toList();
    private static final List<String> STREAMS = Arrays.stream(CascadeConfig.Streams.values())
            .map(CascadeConfig.Streams::wire).toList();

    private CascadeBinder() {
    }

    static CascadeConfig bind(ConfigReader root, Set<Tier> declaredTiers, Set<String> deployments) {
        Optional<ConfigReader> found = root.object(SECTION);
        if (found.isEmpty()) {
            return CascadeConfig.DISABLED;
        }
        ConfigReader r = found.get();
        r.rejectUnknownKeys(KEYS);
        CascadeConfig d = CascadeConfig.DISABLED;
        boolean enabled = r.bool("enabled").orElse(true);
        boolean fromRouter = r.string("start_tier").map(FROM_ROUTER::equals).orElse(false);
        Optional<Tier> start = fromRouter ? Optional.empty()
                : r.has("start_tier")
                ? RoutingBinder.configuredTier(r, "start_tier", declaredTiers, List.of(FROM_ROUTER))
                : Optional.of(d.startTier());
        Optional<Tier> ceilingGiven = r.has("ceiling_tier")
                ? RoutingBinder.configuredTier(r, "ceiling_tier", declaredTiers, List.of())
                : Optional.of(d.ceilingTier());
        Tier ceiling = ceilingGiven.orElse(d.ceilingTier());
        if (start.isPresent() && ceilingGiven.isPresent() && start.get().compareTo(ceiling) >= 0) {
            r.error(r.has("start_tier") ? "start_tier" : "ceiling_tier", "start_tier '" + start.get().wire()
                    + "' must be below ceiling_tier '" + ceiling.wire() + "' (a cascade needs a tier to escalate to)");
        }
        int maxEscalations = r.integer("max_escalations").filter(v -> between(r, "max_escalations", v, 1, 2))
                .map(Long::intValue).orElse(d.maxEscalations());
        CascadeConfig.Hint hint = choice(r, "hint", HINTS)
                .flatMap(h -> Arrays.stream(CascadeConfig.Hint.values()).filter(v -> v.wire().equals(h)).findFirst())
                .orElse(d.hint());
        Set<String> classes = classes(r).orElse(d.classes());
        CascadeConfig.Streams streams = choice(r, "streams", STREAMS)
                .flatMap(m -> Arrays.stream(CascadeConfig.Streams.values()).filter(v -> v.wire().equals(m)).findFirst())
                .orElse(d.streams());
        List<GateConfig> gates = r.has("gates") ? gates(r, deployments) : d.gates();
        Tier startTier = fromRouter ? null : start.orElse(d.startTier());
        return new CascadeConfig(enabled, startTier, ceiling, maxEscalations, hint, classes, streams, gates);
    }

    private static Optional<String> choice(ConfigReader r, String key, List<String> allowed) {
        return r.string(key).filter(v -> {
            if (!allowed.contains(v)) {
                r.error(key, "must be one of " + String.join(", ", allowed) + ", got '" + v + "'"
                        + KeySuggestions.hint(v, allowed));
                return false;
            }
            return true;
        });
    }

    private static Optional<Set<String>> classes(ConfigReader r) {
        Optional<List<String>> listed = r.stringList("classes");
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Set<String> classes = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < listed.get().size(); i++) {
            String c = listed.get().get(i);
            if (c == null) {
                ok = false;
            } else if (!CascadeConfig.KNOWN_CLASSES.contains(c)) {
                r.errorAt(ConfigPath.index(r.pathOf("classes"), i), "unknown request class '" + c + "'"
                        + KeySuggestions.hint(c, CascadeConfig.KNOWN_CLASSES) + " (known: "
                        + String.join(", ", CascadeConfig.KNOWN_CLASSES) + ")");
                ok = false;
            } else {
                classes.add(c);
            }
        }
        return ok ? Optional.of(classes) : Optional.empty();
    }

    private static List<GateConfig> gates(ConfigReader r, Set<String> deployments) {
        if (r.isEmptyList("gates")) {
            r.error("gates", "must list at least one gate (without gates every answer would be accepted)");
            return List.of();
        }
        List<GateConfig> gates = new ArrayList<>();
        boolean judged = false;
        for (ConfigReader g : r.objectList("gates").orElse(List.of())) {
            Optional<String> type = g.requiredString("type");
            if (type.isEmpty()) {
                continue;
            }
            if (!GATE_TYPES.contains(type.get())) {
                g.error("type", "unknown gate type '" + type.get() + "'" + KeySuggestions.hint(type.get(), GATE_TYPES)
                        + " (known: " + String.join(", ", GATE_TYPES) + ")");
                continue;
            }
            if (type.get().equals("judge")) {
                if (judged) {
                    g.error("type", "only one judge gate is allowed (a request gets at most one judge call)");
                    continue;
                }
                judged = true;
            }
            gate(g, type.get(), deployments).ifPresent(gates::add);
        }
        return gates;
    }

    private static Optional<GateConfig> gate(ConfigReader g, String type, Set<String> deployments) {
        switch (type) {
            case "refusal" -> {
                g.rejectUnknownKeys(List.of("type", "patterns", "use_defaults"));
                List<String> patterns = g.stringList("patterns").orElse(List.of());
                boolean ok = true;
                for (int i = 0; i < patterns.size(); i++) {
                    ok &= patterns.get(i) != null && compiles(g, ConfigPath.index(g.pathOf("patterns"), i), patterns.get(i));
                }
                boolean useDefaults = g.bool("use_defaults").orElse(true);
                if (!useDefaults && patterns.isEmpty()) {
                    g.error("patterns", "must list at least one pattern when use_defaults is false");
                    return Optional.empty();
                }
                return ok ? Optional.of(new GateConfig.Refusal(patterns, useDefaults)) : Optional.empty();
            }
            case "regex" -> {
                g.rejectUnknownKeys(List.of("type", "must_match", "must_not_match"));
                Optional<String> must = g.string("must_match").filter(p -> compiles(g, g.pathOf("must_match"), p));
                Optional<String> mustNot = g.string("must_not_match")
                        .filter(p -> compiles(g, g.pathOf("must_not_match"), p));
                if (!g.has("must_match") && !g.has("must_not_match")) {
                    g.errorAt(g.path(), "a regex gate needs must_match, must_not_match or both");
                    return Optional.empty();
                }
                if ((g.has("must_match") && must.isEmpty()) || (g.has("must_not_match") && mustNot.isEmpty())) {
                    return Optional.empty();
                }
                return Optional.of(new GateConfig.Regex(must.orElse(null), mustNot.orElse(null)));
            }
            case "arithmetic" -> {
                g.rejectUnknownKeys(List.of("type", "tolerance"));
                Optional<Double> tolerance = g.has("tolerance")
                        ? g.number("tolerance").filter(v -> fraction(g, "tolerance", v))
                        : Optional.of(GateConfig.Arithmetic.DEFAULT_TOLERANCE);
                return tolerance.map(GateConfig.Arithmetic::new);
            }
            case "logprob" -> {
                g.rejectUnknownKeys(List.of("type", "min_mean", "min_token"));
                Optional<Double> mean = g.has("min_mean")
                        ? g.number("min_mean").filter(v -> notPositive(g, "min_mean", v))
                        : Optional.of(GateConfig.Logprob.DEFAULT_MIN_MEAN);
                Optional<Double> token = g.has("min_token")
                        ? g.number("min_token").filter(v -> notPositive(g, "min_token", v))
                        : Optional.of(GateConfig.Logprob.DEFAULT_MIN_TOKEN);
                return mean.isEmpty() || token.isEmpty() ? Optional.empty()
                        : Optional.of(new GateConfig.Logprob(mean.get(), token.get()));
            }
            case "answer_model" -> {
                g.rejectUnknownKeys(List.of("type", "threshold"));
                Optional<Double> threshold = g.has("threshold")
                        ? g.number("threshold").filter(v -> probability(g, "threshold", v))
                        : Optional.of(GateConfig.AnswerModel.DEFAULT_THRESHOLD);
                return threshold.map(GateConfig.AnswerModel::new);
            }
            case "judge" -> {
                g.rejectUnknownKeys(List.of("type", "deployment", "timeout"));
                Optional<String> deployment = g.requiredString("deployment");
                if (deployment.isPresent() && !deployments.isEmpty() && !deployments.contains(deployment.get())) {
                    g.error("deployment", "unknown deployment '" + deployment.get() + "'"
                            + KeySuggestions.hint(deployment.get(), deployments));
                    return Optional.empty();
                }
                Duration timeout = g.positiveDuration("timeout").orElse(GateConfig.Judge.DEFAULT_TIMEOUT);
                return deployment.map(name -> new GateConfig.Judge(name, timeout));
            }
            default -> {
                g.rejectUnknownKeys(List.of("type"));
                return Optional.of(switch (type) {
                    case "empty" -> new GateConfig.Empty();
                    case "length" -> new GateConfig.Length();
                    case "json" -> new GateConfig.Json();
                    case "json_schema" -> new GateConfig.JsonSchema();
                    default -> new GateConfig.ToolArgs();
                });
            }
        }
    }

    private static boolean compiles(ConfigReader r, String path, String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            r.errorAt(path, "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return false;
        }
    }

    private static boolean fraction(ConfigReader r, String key, double value) {
        if (value < 0 || value >= 1) {
            r.error(key, "must be at least 0 and below 1, got " + value);
            return false;
        }
        return true;
    }

    private static boolean probability(ConfigReader r, String key, double value) {
        if (value < 0 || value > 1) {
            r.error(key, "must be between 0 and 1, got " + value);
            return false;
        }
        return true;
    }

    private static boolean notPositive(ConfigReader r, String key, double value) {
        if (value > 0) {
            r.error(key, "is a log probability, so at most 0, got " + value);
            return false;
        }
        return true;
    }

    private static boolean between(ConfigReader r, String key, long value, long min, long max) {
        if (value < min || value > max) {
            r.error(key, "must be between " + min + " and " + max + ", got " + value);
            return false;
        }
        return true;
    }
}
