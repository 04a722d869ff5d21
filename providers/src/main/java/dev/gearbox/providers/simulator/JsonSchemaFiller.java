package dev.gearbox.providers.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Random;

/**
 * Produces a plausible JSON value for a JSON schema: objects get their properties, arrays one to
 * three items, strings a value suited to their format or property name, numbers a small value.
 * Local {@code $ref}s ({@code #/$defs/..}, {@code #/definitions/..}) are followed; nesting is
 * bounded so a recursive schema still ends.
 */
final class JsonSchemaFiller {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int MAX_DEPTH = 6;
    private static final Map<String, String> NAMED_STRINGS = Map.ofEntries(
            Map.entry("city", "Paris"), Map.entry("location", "Paris, France"), Map.entry("country", "France"),
            Map.entry("name", "Ada Lovelace"), Map.entry("email", "ada@example.com"),
            Map.entry("unit", "celsius"), Map.entry("query", "latest quarterly report"),
            Map.entry("language", "en"), Map.entry("currency", "EUR"), Map.entry("url", "https://example.com"),
            Map.entry("id", "item-001"), Map.entry("title", "Quarterly summary"));

    private final JsonNode root;
    private final Random random;
    private final boolean requiredOnly;

    private JsonSchemaFiller(JsonNode root, Random random, boolean requiredOnly) {
        this.root = root;
        this.random = random;
        this.requiredOnly = requiredOnly;
    }

    /** A value for the schema with every declared property filled (structured output). */
    static JsonNode fillAll(JsonNode schema, Random random) {
        return new JsonSchemaFiller(schema, random, false).value(schema, null, 0);
    }

    /** A value for the schema with only required properties filled (tool-call arguments). */
    static JsonNode fillRequired(JsonNode schema, Random random) {
        return new JsonSchemaFiller(schema, random, true).value(schema, null, 0);
    }

    private JsonNode value(JsonNode schema, String propertyName, int depth) {
        if (schema == null || !schema.isObject()) {
            return depth == 0 ? F.objectNode() : F.textNode(SentenceBank.phrase(random));
        }
        JsonNode resolved = resolveRef(schema);
        if (resolved.has("const")) {
            return resolved.get("const");
        }
        JsonNode enumValues = resolved.get("enum");
        if (enumValues != null && enumValues.isArray() && !enumValues.isEmpty()) {
            return enumValues.get(random.nextInt(enumValues.size()));
        }
        for (String alternative : new String[] {"anyOf", "oneOf", "allOf"}) {
            JsonNode options = resolved.get(alternative);
            if (options != null && options.isArray() && !options.isEmpty()) {
                return value(firstNonNull(options), propertyName, depth + 1);
            }
        }
        return switch (typeOf(resolved)) {
            case "object" -> depth >= MAX_DEPTH ? F.objectNode() : object(resolved, depth);
            case "array" -> depth >= MAX_DEPTH ? F.arrayNode() : array(resolved, propertyName, depth);
            case "integer" -> integerNode(integer(resolved));
            case "number" -> F.numberNode(Math.round(random.nextDouble() * 10000) / 100.0);
            case "boolean" -> F.booleanNode(random.nextBoolean());
            case "null" -> F.nullNode();
            default -> F.textNode(string(resolved, propertyName));
        };
    }

    private ObjectNode object(JsonNode schema, int depth) {
        ObjectNode out = F.objectNode();
        JsonNode properties = schema.get("properties");
        if (properties == null || !properties.isObject()) {
            return out;
        }
        JsonNode required = schema.get("required");
        for (Map.Entry<String, JsonNode> p : properties.properties()) {
            if (!requiredOnly || contains(required, p.getKey())) {
                out.set(p.getKey(), value(p.getValue(), p.getKey(), depth + 1));
            }
        }
        return out;
    }

    private ArrayNode array(JsonNode schema, String propertyName, int depth) {
        ArrayNode out = F.arrayNode();
        int min = schema.path("minItems").asInt(1);
        int max = schema.path("maxItems").asInt(Math.max(min, 3));
        int count = Math.max(min, Math.min(max, 1 + random.nextInt(3)));
        for (int i = 0; i < count; i++) {
            out.add(value(schema.get("items"), propertyName, depth + 1));
        }
        return out;
    }

    private static JsonNode integerNode(long value) {
        return value == (int) value ? F.numberNode((int) value) : F.numberNode(value);
    }

    private long integer(JsonNode schema) {
        long min = schema.path("minimum").asLong(0);
        long max = schema.path("maximum").asLong(min + 100);
        return max <= min ? min : min + (long) (random.nextDouble() * (max - min + 1));
    }

    private String string(JsonNode schema, String propertyName) {
        String format = schema.path("format").asText("");
        switch (format) {
            case "date-time":
                return "2025-01-15T09:30:00Z";
            case "date":
                return "2025-01-15";
            case "email":
                return "ada@example.com";
            case "uri", "url":
                return "https://example.com/resource";
            case "uuid":
                return "3f2a6c1e-8b4d-4e7a-9c2f-5d1b0a7e6f43";
            default:
                break;
        }
        if (propertyName != null) {
            String named = NAMED_STRINGS.get(propertyName.toLowerCase(java.util.Locale.ROOT));
            if (named != null) {
                return named;
            }
        }
        return SentenceBank.phrase(random);
    }

    private static String typeOf(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isTextual()) {
            return type.asText();
        }
        if (type != null && type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
            return "null";
        }
        if (schema.has("properties")) {
            return "object";
        }
        return schema.has("items") ? "array" : "string";
    }

    private JsonNode resolveRef(JsonNode schema) {
        JsonNode current = schema;
        for (int hops = 0; hops < MAX_DEPTH && current.has("$ref"); hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#")) {
                return current;
            }
            JsonNode target = root.at(ref.substring(1));
            if (target.isMissingNode()) {
                return current;
            }
            current = target;
        }
        return current;
    }

    private static JsonNode firstNonNull(JsonNode options) {
        for (JsonNode o : options) {
            if (!"null".equals(o.path("type").asText())) {
                return o;
            }
        }
        return options.get(0);
    }

    private static boolean contains(JsonNode array, String name) {
        if (array == null || !array.isArray()) {
            return false;
        }
        for (JsonNode n : array) {
            if (name.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }
}
