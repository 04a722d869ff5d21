package dev.gearbox.server.telemetry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code POST /v1/feedback}, validated field by field; every problem is a 400 naming
 * the field in {@code param}. Rules: {@code request_id} is required (the {@code x-gearbox-request-id}
 * of the answer, 1-128 characters of {@code [A-Za-z0-9._:-]}); at least one of {@code score} (a
 * number in [0,1]) and {@code label} ({@code good}, {@code bad}, or the tier the request should have
 * gone to: {@code fast}, {@code balanced}, {@code frontier}); {@code comment} is an optional string of
 * at most 2,000 characters; any other field is rejected.
 */
record FeedbackRequest(String requestId, Double score, String label, String comment) {
    static final int MAX_COMMENT = 2_000;
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Set<String> FIELDS = Set.of("request_id", "score", "label", "comment");
    private static final List<String> LABELS = List.of(FeedbackLine.GOOD, FeedbackLine.BAD,
            Tier.FAST.wire(), Tier.BALANCED.wire(), Tier.FRONTIER.wire());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static FeedbackRequest parse(ByteBuf body) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree((java.io.InputStream) new ByteBufInputStream(body.duplicate()));
        } catch (IOException e) {
            throw GatewayException.invalid("the body is not valid JSON", null);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw GatewayException.invalid("the body must be a JSON object with request_id and score or label", null);
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw GatewayException.invalid("unknown field '" + name + "'; expected request_id, score, label, comment",
                        name);
            }
        }
        String requestId = requestId(object.get("request_id"));
        Double score = score(object.get("score"));
        String label = label(object.get("label"));
        if (score == null && label == null) {
            throw GatewayException.invalid("give a score (0..1) or a label (" + String.join(", ", LABELS) + ")", "score");
        }
        return new FeedbackRequest(requestId, score, label, comment(object.get("comment")));
    }

    private static String requestId(JsonNode node) {
        if (absent(node)) {
            throw GatewayException.invalid("request_id is required", "request_id");
        }
        if (!node.isTextual() || !REQUEST_ID.matcher(node.textValue()).matches()) {
            throw GatewayException.invalid("request_id must be the x-gearbox-request-id of an answer "
                    + "(1-128 characters of letters, digits, '.', '_', ':', '-')", "request_id");
        }
        return node.textValue();
    }

    private static Double score(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isNumber() || !(node.doubleValue() >= 0 && node.doubleValue() <= 1)) {
            throw GatewayException.invalid("score must be a number between 0 and 1", "score");
        }
        return node.doubleValue();
    }

    private static String label(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual() || !LABELS.contains(node.textValue())) {
            throw GatewayException.invalid("label must be one of " + String.join(", ", LABELS), "label");
        }
        return node.textValue();
    }

    private static String comment(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isTextual() || node.textValue().length() > MAX_COMMENT) {
            throw GatewayException.invalid("comment must be a string of at most " + MAX_COMMENT + " characters",
                    "comment");
        }
        return node.textValue();
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull();
    }
}
