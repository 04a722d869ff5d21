package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;

/**
 * OpenAI sampling parameters to Gemini {@code generationConfig}: temperature, top_p,
 * max(_completion)_tokens as maxOutputTokens, stop as stopSequences, n as candidateCount, seed,
 * presence/frequency penalties, and {@code response_format} as JSON mode ({@code responseMimeType}
 * application/json, plus {@code responseSchema} for json_schema), and {@code logprobs}/{@code top_logprobs}
 * as {@code responseLogprobs}/{@code logprobs}.
 */
final class GeminiGenerationConfig {
    private final ObjectMapper mapper;

    GeminiGenerationConfig(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void write(ChatRequest request, ObjectNode body) {
        ObjectNode config = mapper.createObjectNode();
        if (request.temperature() != null) {
            config.put("temperature", request.temperature());
        }
        if (request.topP() != null) {
            config.put("topP", request.topP());
        }
        if (request.outputTokenLimit() != null) {
            config.put("maxOutputTokens", request.outputTokenLimit());
        }
        if (request.stop() != null && !request.stop().isEmpty()) {
            ArrayNode stops = config.putArray("stopSequences");
            request.stop().forEach(stops::add);
        }
        if (request.n() != null) {
            config.put("candidateCount", request.n());
        }
        if (request.seed() != null) {
            long seed = request.seed();
            if (seed < Integer.MIN_VALUE || seed > Integer.MAX_VALUE) {
                throw GatewayException.invalid("seed must fit in 32 bits for Gemini deployments, got " + seed + ".",
                        "seed");
            }
            config.put("seed", (int) seed);
        }
        if (Boolean.TRUE.equals(request.logprobs())) {
            config.put("responseLogprobs", true);
            if (request.topLogprobs() != null) {
                config.put("logprobs", request.topLogprobs());
            }
        }
        penalty(request, "presence_penalty", "presencePenalty", config);
        penalty(request, "frequency_penalty", "frequencyPenalty", config);
        responseFormat(request.responseFormat(), config);
        if (!config.isEmpty()) {
            body.set("generationConfig", config);
        }
    }

    private static void penalty(ChatRequest request, String openAi, String gemini, ObjectNode config) {
        JsonNode value = request.extra().get(openAi);
        if (value == null || value.isNull()) {
            return;
        }
        if (!value.isNumber()) {
            throw GatewayException.invalid("Invalid type for '" + openAi + "': expected a decimal.", openAi);
        }
        config.put(gemini, value.doubleValue());
    }

    private static void responseFormat(JsonNode format, ObjectNode config) {
        if (format == null || format.isNull()) {
            return;
        }
        switch (format.path("type").asText()) {
            case "text" -> {
            }
            case "json_object" -> config.put("responseMimeType", "application/json");
            case "json_schema" -> {
                JsonNode schema = format.path("json_schema").get("schema");
                if (schema == null || !schema.isObject()) {
                    throw GatewayException.invalid("Missing required parameter: 'response_format.json_schema.schema'.",
                            "response_format.json_schema.schema");
                }
                config.put("responseMimeType", "application/json");
                config.set("responseSchema", GeminiSchemas.sanitize(schema));
            }
            default -> throw GatewayException.invalid("Invalid value: '" + format.path("type").asText()
                    + "'. Supported values are: 'text', 'json_object', and 'json_schema'.", "response_format.type");
        }
    }
}
