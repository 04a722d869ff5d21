package dev.gearbox.providers.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Tool;
import java.util.Optional;

/**
 * Decides whether the simulated model calls a tool, strictly by {@code tool_choice}: "required"
 * calls the first function tool, a named function calls that one; "auto", "none" or absent
 * answer with text.
 */
final class ToolChoicePolicy {
    private ToolChoicePolicy() {
    }

    static Optional<Tool> toolToCall(ChatRequest request) {
        JsonNode choice = request.toolChoice();
        if (choice == null || choice.isNull() || request.tools().isEmpty()) {
            return Optional.empty();
        }
        if (choice.isTextual()) {
            return "required".equals(choice.asText())
                    ? request.tools().stream().filter(t -> "function".equals(t.type())).findFirst()
                    : Optional.empty();
        }
        String name = choice.path("function").path("name").asText(null);
        if (name == null) {
            throw GatewayException.invalid("tool_choice must be \"none\", \"auto\", \"required\" or name a function",
                    "tool_choice");
        }
        return Optional.of(request.tools().stream()
                .filter(t -> name.equals(t.name()))
                .findFirst()
                .orElseThrow(() -> GatewayException.invalid(
                        "tool_choice names function '" + name + "' which is not in tools", "tool_choice")));
    }
}
