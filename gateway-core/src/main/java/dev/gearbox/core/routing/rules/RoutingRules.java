package dev.gearbox.core.routing.rules;

import dev.gearbox.config.RuleConfig;
import dev.gearbox.core.model.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The configured override rules, in order. Evaluating them is the first step of every decision. */
public final class RoutingRules {
    private final List<RoutingRule> rules;

    public RoutingRules(List<RoutingRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** One rule value per {@code router.rules} entry. */
    public static RoutingRules fromConfig(List<RuleConfig> configs) {
        List<RoutingRule> rules = new ArrayList<>();
        for (RuleConfig c : configs) {
            rules.add(rule(c));
        }
        return new RoutingRules(rules);
    }

    private static RoutingRule rule(RuleConfig c) {
        if (c instanceof RuleConfig.Keywords k) {
            return PatternRule.keywords(k.name(), k.words(), k.tier());
        }
        if (c instanceof RuleConfig.Regex r) {
            return PatternRule.regex(r.name(), r.pattern(), r.tier());
        }
        if (c instanceof RuleConfig.Depth d) {
            return new DepthRule(d.name(), d.fromTurn(), d.up(), d.unlessConfidenceAbove());
        }
        if (c instanceof RuleConfig.MinTierForTools t) {
            return new MinTierForToolsRule(t.name(), t.tier());
        }
        return new HeaderRule(((RuleConfig.Header) c).name());
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    /** Every rule that fired, in rule order. Throws a GatewayException for a bad header value. */
    public RuleOutcome evaluate(ChatRequest request, Map<String, String> gearboxHeaders) {
        List<FiredRule> fired = new ArrayList<>();
        for (RoutingRule rule : rules) {
            for (RuleEffect effect : rule.evaluate(request, gearboxHeaders)) {
                fired.add(new FiredRule(rule.name(), effect));
            }
        }
        return new RuleOutcome(fired);
    }
}
