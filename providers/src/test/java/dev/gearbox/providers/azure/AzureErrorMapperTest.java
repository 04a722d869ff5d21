package dev.gearbox.providers.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.AzureSettings;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.providers.openai.OpenAiErrorMapper;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AzureErrorMapperTest {
    private static final DeploymentConfig DEPLOYMENT = new DeploymentConfig("azure-4o", ProviderKind.AZURE,
            URI.create("https://res.openai.azure.com"), "az-key-000111222333", "gpt-4o", null, null, null, null)
            .withAzure(new AzureSettings("prod-4o", "2024-10-21"));
    private final OpenAiCodec codec = new OpenAiCodec();
    private final AzureErrorMapper mapper = new AzureErrorMapper(DEPLOYMENT, codec.mapper(),
            new OpenAiErrorMapper(DEPLOYMENT, codec, Clock.systemUTC()));

    static byte[] fixture(String name) {
        try (InputStream in = AzureErrorMapperTest.class.getResourceAsStream("/azure/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFilteredPromptIsAContentFilterErrorNamingTheCategory() {
        GatewayException e = mapper.map(400, new DefaultHttpHeaders(), fixture("error-content-filter.json"));

        assertThat(e.kind()).isEqualTo(ErrorKind.CONTENT_FILTERED);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.code()).isEqualTo("content_filter");
        assertThat(e.param()).isEqualTo("prompt");
        assertThat(e.kind().retryable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("upstream azure-4o: the prompt was filtered by Azure OpenAI's content "
                + "management policy (violence (medium)). Rephrase the request or ask the deployment's owner to "
                + "review the filter settings.");
    }

    @Test
    void aJailbreakVerdictWithoutSeverityIsNamedToo() {
        ObjectMapper json = codec.mapper();
        var result = json.createObjectNode();
        result.putObject("jailbreak").put("filtered", true).put("detected", true);
        result.putObject("hate").put("filtered", false).put("severity", "safe");

        assertThat(AzureErrorMapper.filteredCategories(result)).containsExactly("jailbreak");
    }

    @Test
    void everyOtherErrorMapsAsOpenAisDo() {
        GatewayException limited = mapper.map(429, new DefaultHttpHeaders().add("retry-after-ms", "1500"),
                "{\"error\":{\"code\":\"429\",\"message\":\"Requests to the ChatCompletions_Create Operation have exceeded rate limit.\"}}"
                        .getBytes(StandardCharsets.UTF_8));
        GatewayException badKey = mapper.map(401, null, ("{\"error\":{\"code\":\"401\",\"message\":\"Access denied due "
                + "to invalid subscription key or wrong API endpoint.\"}}").getBytes(StandardCharsets.UTF_8));
        GatewayException tooLong = mapper.map(400, null, ("{\"error\":{\"message\":\"This model's maximum context length "
                + "is 128000 tokens.\",\"type\":\"invalid_request_error\",\"param\":\"messages\",\"code\":\"context_length_exceeded\"}}")
                .getBytes(StandardCharsets.UTF_8));
        GatewayException missing = mapper.mapNonStreamAnswer(404, null, ("{\"error\":{\"code\":\"DeploymentNotFound\","
                + "\"message\":\"The API deployment for this resource does not exist.\"}}").getBytes(StandardCharsets.UTF_8));

        assertThat(limited.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofMillis(1500));
        assertThat(badKey.kind()).isEqualTo(ErrorKind.UPSTREAM_AUTH);
        assertThat(tooLong.kind()).isEqualTo(ErrorKind.CONTEXT_LENGTH_EXCEEDED);
        assertThat(missing.kind()).isEqualTo(ErrorKind.MODEL_NOT_FOUND);
        assertThat(mapper.map(400, null, "not json".getBytes(StandardCharsets.UTF_8)).kind())
                .isEqualTo(ErrorKind.INVALID_REQUEST);
    }
}
