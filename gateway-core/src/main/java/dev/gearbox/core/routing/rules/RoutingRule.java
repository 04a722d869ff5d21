package dev.gearbox.core.routing.rules;

import dev.gearbox.core.model.ChatRequest;
import java.util.List;
import java.util.Map;

/**
 * One override rule: a pure function of the request and its {@code x-gearbox-*} headers
 * (lower-cased names) that says what it asks of the decision; empty when it does not apply.
 */
public interface RoutingRule {
    String name();

    List<RuleEffect> evaluate(ChatRequest request, Map<String, String> gearboxHeaders);
}
