package dev.gearbox.providers.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;

/** Validation failures of a client request, worded and coded the way OpenAI words them. */
final class RequestErrors {
    private static final int MAX_DETAIL = 300;

    private RequestErrors() {
    }

    static GatewayException missing(String param) {
        return error("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }

    static GatewayException invalidType(String param, String expected, JsonNode actual) {
        return error("Invalid type for '" + param + "': expected " + expected + ", but got " + describe(actual)
                + " instead.", param, "invalid_type");
    }

    static GatewayException invalidValue(String param, String message) {
        return error("Invalid '" + param + "': " + message, param, "invalid_value");
    }

    static GatewayException emptyArray(String param) {
        return error("Invalid '" + param + "': empty array. Expected an array with minimum length 1, but got an"
                + " empty array instead.", param, "empty_array");
    }

    static GatewayException unparsable(String parserDetail) {
        String detail = parserDetail == null ? "" : parserDetail.replaceAll("\\s+", " ").trim();
        if (detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
        return error("We could not parse the JSON body of your request. The OpenAI API expects a JSON payload"
                + (detail.isEmpty() ? "." : ": " + detail), null, null);
    }

    static GatewayException notAnObject(JsonNode actual) {
        return error("The request body must be a JSON object, but got " + describe(actual) + " instead.", null,
                "invalid_type");
    }

    /** How OpenAI names a JSON value's type in its error messages. */
    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> node.isIntegralNumber() ? "an integer" : "a decimal";
            case BOOLEAN -> "a boolean";
            case OBJECT, POJO -> "an object";
            case ARRAY -> "an array";
            case NULL -> "null";
            default -> "an unsupported value";
        };
    }

    private static GatewayException error(String message, String param, String code) {
        return new GatewayException(ErrorKind.INVALID_REQUEST, message, param, code, 0, null, null);
    }
}
