package dev.gearbox.providers.gemini;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a client's JSON Schema into the OpenAPI subset Gemini's {@code Schema} accepts. Gemini
 * rejects the whole request on a keyword it does not know ({@code additionalProperties},
 * {@code $schema}, {@code $ref}, {@code strict}, ...), so this keeps an allow-list of keywords and
 * drops the rest; a type list such as {@code ["string","null"]} becomes {@code type: string} with
 * {@code nullable: true}, {@code const} becomes a one-value {@code enum}, and a {@code format} Gemini
 * does not know is dropped.
 */
final class GeminiSchemas {
    /** Keywords Gemini's Schema object understands, kept as they are (sub-schemas are rewritten). */
    private static final Set<String> SCALAR_KEYWORDS = Set.of("title", "description", "nullable", "enum",
            "maxItems", "minItems", "minProperties", "maxProperties", "minLength", "maxLength", "pattern",
            "example", "default", "minimum", "maximum", "required", "propertyOrdering");
    /** The only {@code format} values Gemini accepts; others ({@code email}, {@code uri}, ...) fail the request. */
    private static final Set<String> FORMATS = Set.of("enum", "date-time", "int32", "int64", "float", "double");

    private GeminiSchemas() {
    }

    /** The schema Gemini accepts, or null when {@code schema} is null or not an object. */
    static ObjectNode sanitize(JsonNode schema) {
        if (schema == null || !schema.isObject()) {
            return null;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "type" -> type(value, out);
                case "const" -> out.set("enum", JsonNodeFactory.instance.arrayNode().add(value));
                case "properties" -> properties(value, out);
                case "items" -> {
                    ObjectNode items = sanitize(value);
                    if (items != null) {
                        out.set("items", items);
                    }
                }
                case "anyOf", "oneOf" -> alternatives(value, out);
                case "format" -> {
                    if (FORMATS.contains(value.asText())) {
                        out.set("format", value);
                    }
                }
                default -> {
                    if (SCALAR_KEYWORDS.contains(key)) {
                        out.set(key, value);
                    }
                }
            }
        }
        return out;
    }

    /** True when the schema declares an object without any property: Gemini wants no parameters at all then. */
    static boolean isEmptyObject(JsonNode schema) {
        if (schema == null || schema.isNull()) {
            return true;
        }
        JsonNode properties = schema.get("properties");
        return "object".equals(schema.path("type").asText()) && (properties == null || properties.isEmpty());
    }

    private static void type(JsonNode value, ObjectNode out) {
        if (value.isTextual()) {
            out.put("type", value.textValue());
            return;
        }
        if (value.isArray()) {
            for (JsonNode t : value) {
                if ("null".equals(t.asText())) {
                    out.put("nullable", true);
                } else if (!out.has("type")) {
                    out.put("type", t.asText());
                }
            }
        }
    }

    private static void properties(JsonNode value, ObjectNode out) {
        if (!value.isObject()) {
            return;
        }
        ObjectNode props = out.putObject("properties");
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            ObjectNode sub = sanitize(p.getValue());
            props.set(p.getKey(), sub == null ? JsonNodeFactory.instance.objectNode() : sub);
        }
    }

    /** {@code anyOf} (and {@code oneOf}, its closest Gemini equivalent) with each branch rewritten. */
    private static void alternatives(JsonNode value, ObjectNode out) {
        if (!value.isArray()) {
            return;
        }
        ArrayNode branches = out.has("anyOf") ? (ArrayNode) out.get("anyOf") : out.putArray("anyOf");
        for (JsonNode branch : value) {
            ObjectNode sub = sanitize(branch);
            if (sub != null) {
                branches.add(sub);
            }
        }
    }
}
