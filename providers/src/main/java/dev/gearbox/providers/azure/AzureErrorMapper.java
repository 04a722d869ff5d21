package dev.gearbox.providers.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.providers.openai.ErrorMapping;
import dev.gearbox.providers.openai.OpenAiErrorMapper;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Azure OpenAI's errors: OpenAI's mapping, plus its content filter. A prompt Azure's content management
 * policy rejects comes back as a 400 with {@code error.code: content_filter} and the verdict per category
 * in {@code error.innererror.content_filter_result}; it leaves Gearbox as a {@code content_filter}
 * invalid_request_error whose message names the categories that tripped (e.g. {@code violence (medium)}).
 */
public final class AzureErrorMapper implements ErrorMapping {
    private final DeploymentConfig deployment;
    private final ObjectMapper mapper;
    private final ErrorMapping openAi;

    public AzureErrorMapper(DeploymentConfig deployment, ObjectMapper mapper, OpenAiErrorMapper openAi) {
        this.deployment = deployment;
        this.mapper = mapper;
        this.openAi = openAi;
    }

    @Override
    public GatewayException map(int status, HttpHeaders headers, byte[] body) {
        // only a 400 can be the content filter: any other error body is parsed once, by the OpenAI mapping
        JsonNode error = status == 400 ? errorObject(body) : null;
        if (error != null && isContentFilter(error)) {
            List<String> categories = filteredCategories(error.path("innererror").path("content_filter_result"));
            String which = categories.isEmpty() ? "" : " (" + String.join(", ", categories) + ")";
            return new GatewayException(ErrorKind.CONTENT_FILTERED, "upstream " + deployment.name()
                    + ": the prompt was filtered by Azure OpenAI's content management policy" + which
                    + ". Rephrase the request or ask the deployment's owner to review the filter settings.",
                    error.path("param").isTextual() ? error.get("param").asText() : null,
                    ErrorKind.CONTENT_FILTERED.defaultCode(), status, null, null);
        }
        return openAi.map(status, headers, body);
    }

    @Override
    public GatewayException mapNonStreamAnswer(int status, HttpHeaders headers, byte[] body) {
        return status < 200 || status >= 300 ? map(status, headers, body)
                : openAi.mapNonStreamAnswer(status, headers, body);
    }

    @Override
    public GatewayException mapStreamError(String eventData) {
        return openAi.mapStreamError(eventData);
    }

    private static boolean isContentFilter(JsonNode error) {
        return "content_filter".equals(error.path("code").asText())
                || "ResponsibleAIPolicyViolation".equals(error.path("innererror").path("code").asText());
    }

    /** Each category marked {@code filtered: true}, with its severity when Azure gave one. */
    static List<String> filteredCategories(JsonNode result) {
        List<String> categories = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = result.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> category = it.next();
            JsonNode verdict = category.getValue();
            if (verdict.path("filtered").asBoolean(false)) {
                String severity = verdict.path("severity").asText("");
                categories.add(severity.isEmpty() ? category.getKey() : category.getKey() + " (" + severity + ")");
            }
        }
        return categories;
    }

    private JsonNode errorObject(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode error = mapper.readTree(body).get("error");
            return error != null && error.isObject() ? error : null;
        } catch (IOException | RuntimeException notJson) {
            return null;
        }
    }
}
