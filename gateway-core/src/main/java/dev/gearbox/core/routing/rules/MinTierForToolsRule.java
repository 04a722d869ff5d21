package dev.gearbox.core.routing.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import java.util.List;
import java.util.Map;

/** Tool calls and JSON-schema output need a capable model: such a request gets at least {@code tier}. */
public record MinTierForToolsRule(String name, Tier tier) implements RoutingRule {

    @Override
    public List<RuleEffect> evaluate(ChatRequest request, Map<String, String> gearboxHeaders) {
        return !request.tools().isEmpty() || wantsJsonSchema(request.responseFormat())
                ? List.of(new RuleEffect.AtLeast(tier)) : List.of();
    }

    private static boolean wantsJsonSchema(JsonNode responseFormat) {
        return responseFormat != null && "json_schema".equals(responseFormat.path("type").asText());
    }
}
