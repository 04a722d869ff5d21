package dev.gearbox.core.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A tool the model may call. Function tools are typed (native providers translate them);
 * {@code parameters} is the JSON schema as the client sent it; {@code strict} may be null.
 */
public record Tool(String type, String name, String description, JsonNode parameters, Boolean strict,
                   Map<String, JsonNode> extra) {
    public Tool {
        extra = Extra.copy(extra);
    }

    public static Tool function(String name, String description, JsonNode parameters) {
        return new Tool("function", name, description, parameters, null, Map.of());
    }
}
