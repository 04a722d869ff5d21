package dev.gearbox.core.routing.rules;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The client's say: {@code x-gearbox-tier} forces a tier, {@code x-gearbox-max-tier} caps it (cost
 * control). A value that is not a tier name is a 400 naming the header.
 */
public record HeaderRule(String name) implements RoutingRule {
    public static final String TIER_HEADER = "x-gearbox-tier";
    public static final String MAX_TIER_HEADER = "x-gearbox-max-tier";

    @Override
    public List<RuleEffect> evaluate(ChatRequest request, Map<String, String> gearboxHeaders) {
        List<RuleEffect> effects = new ArrayList<>(2);
        String forced = gearboxHeaders.get(TIER_HEADER);
        if (forced != null) {
            effects.add(new RuleEffect.Force(tier(forced, TIER_HEADER)));
        }
        String cap = gearboxHeaders.get(MAX_TIER_HEADER);
        if (cap != null) {
            effects.add(new RuleEffect.AtMost(tier(cap, MAX_TIER_HEADER)));
        }
        return effects;
    }

    private static Tier tier(String value, String header) {
        return Tier.fromWire(value.strip().toLowerCase(java.util.Locale.ROOT)).orElseThrow(() -> GatewayException.invalid(
                "The header " + header + " must be one of fast, balanced, frontier.", header));
    }
}
