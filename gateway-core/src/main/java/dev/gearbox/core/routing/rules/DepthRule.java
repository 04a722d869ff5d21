package dev.gearbox.core.routing.rules;

import dev.gearbox.core.model.ChatRequest;
import java.util.List;
import java.util.Map;

/**
 * Long conversations are harder to continue well: from the {@code fromTurn}-th user message on, go
 * {@code up} tiers above the classifier's pick unless its confidence is above {@code unlessConfidenceAbove}.
 */
public record DepthRule(String name, int fromTurn, int up, double unlessConfidenceAbove) implements RoutingRule {

    @Override
    public List<RuleEffect> evaluate(ChatRequest request, Map<String, String> gearboxHeaders) {
        return RequestText.userTurns(request) >= fromTurn
                ? List.of(new RuleEffect.UpUnlessConfident(up, unlessConfidenceAbove)) : List.of();
    }
}
