package dev.gearbox.config;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Binds the optional {@code router} section. Without it the classifier is off
 * ({@link RouterConfig#DISABLED}). Tiers named here must be declared under {@code tiers}; the LLM
 * classifier's deployment must be a configured deployment; a model path must name a readable file.
 */
final class RouterBinder {
    static final String SECTION = "router";
    private static final List<String> KEYS = List.of("enabled", "model", "thresholds", "confidence_floor",
            "low_confidence_tier", "llm", "rules");
    private static final List<String> SHARE_KEYS = List.of("fast_share", "frontier_share");
    private static final List<String> EXPLICIT_KEYS = List.of("balanced_above", "frontier_above");
    private static final List<String> RULE_TYPES = List.of("keywords", "regex", "depth", "min_tier_for_tools", "header");

    private RouterBinder() {
    }

    static RouterConfig bind(ConfigReader root, Set<Tier> declaredTiers, Set<String> deployments) {
        Optional<ConfigReader> found = root.object(SECTION);
        if (found.isEmpty()) {
            return RouterConfig.DISABLED;
        }
        ConfigReader r = found.get();
        r.rejectUnknownKeys(KEYS);
        RouterConfig d = RouterConfig.DISABLED;
        boolean enabled = r.bool("enabled").orElse(true);
        String model = r.string("model").map(String::strip).orElse(RouterConfig.BUILTIN);
        checkModel(r, model);
        Thresholds thresholds = r.object("thresholds").flatMap(RouterBinder::thresholds).orElse(d.thresholds());
        double floor = r.number("confidence_floor").filter(v -> unit(r, "confidence_floor", v))
                .orElse(d.confidenceFloor());
        Tier lowTier = RoutingBinder.configuredTier(r, "low_confidence_tier", declaredTiers, List.of()).orElse(d.lowConfidenceTier());
        LlmClassifierConfig llm = r.object("llm").flatMap(l -> llm(l, deployments)).orElse(null);
        List<RuleConfig> rules = rules(r, declaredTiers);
        return new RouterConfig(enabled, model, thresholds, floor, lowTier, llm, rules);
    }

    private static void checkModel(ConfigReader r, String model) {
        if (model.isEmpty()) {
            r.error("model", "must not be empty (use 'builtin' for the model shipped with Gearbox)");
            return;
        }
        if (model.equals(RouterConfig.BUILTIN)) {
            return;
        }
        try {
            if (!Files.isRegularFile(Path.of(model))) {
                r.error("model", "no model file at '" + model + "' (use 'builtin' for the model shipped with Gearbox)");
            }
        } catch (InvalidPathException e) {
            r.error("model", "not a valid file path: '" + model + "'");
        }
    }

    private static Optional<Thresholds> thresholds(ConfigReader t) {
        List<String> known = new ArrayList<>(SHARE_KEYS);
        known.addAll(EXPLICIT_KEYS);
        t.rejectUnknownKeys(known);
        boolean shares = SHARE_KEYS.stream().anyMatch(t::has);
        boolean explicit = EXPLICIT_KEYS.stream().anyMatch(t::has);
        if (shares && explicit) {
            t.errorAt(t.path(), "give either fast_share and frontier_share, or balanced_above and frontier_above, not both");
            return Optional.empty();
        }
        if (explicit) {
            Optional<Double> balanced = requiredUnit(t, "balanced_above");
            Optional<Double> frontier = requiredUnit(t, "frontier_above");
            if (balanced.isEmpty() || frontier.isEmpty()) {
                return Optional.empty();
            }
            if (balanced.get() > frontier.get()) {
                t.error("frontier_above", "must be at least balanced_above (" + balanced.get() + "), got " + frontier.get());
                return Optional.empty();
            }
            return Optional.of(new Thresholds.Explicit(balanced.get(), frontier.get()));
        }
        Optional<Double> fast = requiredUnit(t, "fast_share");
        Optional<Double> frontier = requiredUnit(t, "frontier_share");
        if (fast.isEmpty() || frontier.isEmpty()) {
            return Optional.empty();
        }
        if (fast.get() + frontier.get() > 1.0 + 1e-9) {
            t.error("frontier_share", "fast_share + frontier_share must be at most 1, got "
                    + fast.get() + " + " + frontier.get());
            return Optional.empty();
        }
        return Optional.of(new Thresholds.Shares(fast.get(), frontier.get()));
    }

    private static Optional<LlmClassifierConfig> llm(ConfigReader l, Set<String> deployments) {
        l.rejectUnknownKeys(List.of("deployment", "timeout"));
        Optional<String> deployment = l.requiredString("deployment");
        if (deployment.isPresent() && !deployments.isEmpty() && !deployments.contains(deployment.get())) {
            l.error("deployment", "unknown deployment '" + deployment.get() + "'"
                    + KeySuggestions.hint(deployment.get(), deployments));
            return Optional.empty();
        }
        Duration timeout = l.positiveDuration("timeout").orElse(LlmClassifierConfig.DEFAULT_TIMEOUT);
        return deployment.map(name -> new LlmClassifierConfig(name, timeout));
    }

    private static List<RuleConfig> rules(ConfigReader r, Set<Tier> declaredTiers) {
        List<RuleConfig> rules = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ConfigReader rule : r.objectList("rules").orElse(List.of())) {
            Optional<String> name = rule.requiredString("name");
            name.filter(n -> !names.add(n)).ifPresent(n -> rule.error("name", "duplicate rule name '" + n + "'"));
            Optional<String> type = rule.requiredString("type");
            if (type.isPresent() && !RULE_TYPES.contains(type.get())) {
                rule.error("type", "unknown rule type '" + type.get() + "'" + KeySuggestions.hint(type.get(), RULE_TYPES));
                continue;
            }
            Optional<RuleConfig> bound = type.flatMap(t -> rule(rule, t, name.orElse(""), declaredTiers));
            if (name.isPresent()) {
                bound.ifPresent(rules::add);
            }
        }
        return rules;
    }

    private static Optional<RuleConfig> rule(ConfigReader r, String type, String name, Set<Tier> declaredTiers) {
        switch (type) {
            case "keywords" -> {
                r.rejectUnknownKeys(List.of("name", "type", "words", "tier"));
                Optional<List<String>> words = r.require("words") ? r.stringList("words") : Optional.empty();
                if (words.isPresent() && words.get().stream().allMatch(w -> w == null || w.isBlank())) {
                    r.error("words", "must list at least one word");
                    words = Optional.empty();
                }
                Optional<Tier> tier = requiredTier(r, declaredTiers);
                if (words.isEmpty() || tier.isEmpty()) {
                    return Optional.empty();
                }
                List<String> clean = words.get().stream().filter(w -> w != null && !w.isBlank()).map(String::strip).toList();
                return Optional.of(new RuleConfig.Keywords(name, clean, tier.get()));
            }
            case "regex" -> {
                r.rejectUnknownKeys(List.of("name", "type", "pattern", "tier"));
                Optional<String> pattern = r.requiredString("pattern").filter(p -> compiles(r, p));
                Optional<Tier> tier = requiredTier(r, declaredTiers);
                return pattern.isEmpty() || tier.isEmpty() ? Optional.empty()
                        : Optional.of(new RuleConfig.Regex(name, pattern.get(), tier.get()));
            }
            case "depth" -> {
                r.rejectUnknownKeys(List.of("name", "type", "from_turn", "up", "unless_confidence_above"));
                Optional<Long> from = r.require("from_turn") ? r.integer("from_turn") : Optional.empty();
                from = from.filter(v -> atLeast(r, "from_turn", v, 1));
                long up = r.integer("up").filter(v -> between(r, "up", v, 1, 2)).orElse(1L);
                double unless = r.number("unless_confidence_above").filter(v -> unit(r, "unless_confidence_above", v))
                        .orElse(1.0);
                return from.map(f -> new RuleConfig.Depth(name, (int) Math.min(f, Integer.MAX_VALUE), (int) up, unless));
            }
            case "min_tier_for_tools" -> {
                r.rejectUnknownKeys(List.of("name", "type", "tier"));
                return requiredTier(r, declaredTiers).map(t -> new RuleConfig.MinTierForTools(name, t));
            }
            default -> {
                r.rejectUnknownKeys(List.of("name", "type"));
                return Optional.of(new RuleConfig.Header(name));
            }
        }
    }

    private static Optional<Tier> requiredTier(ConfigReader r, Set<Tier> declaredTiers) {
        if (!r.require("tier")) {
            return Optional.empty();
        }
        return RoutingBinder.configuredTier(r, "tier", declaredTiers, List.of());
    }

    private static boolean compiles(ConfigReader r, String pattern) {
        try {
            Pattern.compile(pattern);
            return true;
        } catch (PatternSyntaxException e) {
            r.error("pattern", "not a valid regular expression: " + e.getDescription() + " near index " + e.getIndex());
            return false;
        }
    }

    private static Optional<Double> requiredUnit(ConfigReader r, String key) {
        return r.require(key) ? r.number(key).filter(v -> unit(r, key, v)) : Optional.empty();
    }

    private static boolean unit(ConfigReader r, String key, double value) {
        if (value < 0 || value > 1) {
            r.error(key, "must be between 0 and 1, got " + value);
            return false;
        }
        return true;
    }

    private static boolean atLeast(ConfigReader r, String key, long value, long min) {
        if (value < min) {
            r.error(key, "must be at least " + min + ", got " + value);
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
