package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Typed reads of one client-request field with OpenAI-style validation. JSON {@code null} counts
 * as "not sent" for optional fields, as OpenAI treats it; a wrong type is an invalid_request_error
 * naming the field.
 */
final class Fields {
    private Fields() {
    }

    static String optString(JsonNode v, String param) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw RequestErrors.invalidType(param, "a string", v);
        }
        return v.textValue();
    }

    static String reqString(JsonNode v, String param) {
        if (v == null) {
            throw RequestErrors.missing(param);
        }
        if (!v.isTextual()) {
            throw RequestErrors.invalidType(param, "a string", v);
        }
        return v.textValue();
    }

    static Boolean optBoolean(JsonNode v, String param) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw RequestErrors.invalidType(param, "a boolean", v);
        }
        return v.booleanValue();
    }

    static Double optNumber(JsonNode v, String param) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw RequestErrors.invalidType(param, "a decimal", v);
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw RequestErrors.invalidValue(param, "number out of range, got " + v.asText() + ".");
        }
        return d;
    }

    static Integer optInt(JsonNode v, String param) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw RequestErrors.invalidType(param, "an integer", v);
        }
        if (!v.canConvertToInt()) {
            throw RequestErrors.invalidValue(param, "integer out of range, got " + v.asText() + ".");
        }
        return v.intValue();
    }

    static Long optLong(JsonNode v, String param) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber()) {
            throw RequestErrors.invalidType(param, "an integer", v);
        }
        if (!v.canConvertToLong()) {
            throw RequestErrors.invalidValue(param, "integer out of range, got " + v.asText() + ".");
        }
        return v.longValue();
    }

    /** Requires an object (or null, returned as null) and returns it. */
    static JsonNode optObject(JsonNode v, String param) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw RequestErrors.invalidType(param, "an object", v);
        }
        return v;
    }
}
