package dev.gearbox.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class GeminiSchemasTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void dropsKeywordsGeminiRejectsAtEveryDepth() throws Exception {
        JsonNode schema = json("""
                {"$schema":"x","$id":"y","type":"object","additionalProperties":false,"$defs":{"a":{}},
                 "properties":{"tags":{"type":"array","items":{"type":"object","additionalProperties":false,
                   "properties":{"k":{"type":"string","const":"v"}}}}},"required":["tags"]}""");

        assertThat(GeminiSchemas.sanitize(schema)).isEqualTo(json("""
                {"type":"object","properties":{"tags":{"type":"array","items":{"type":"object",
                  "properties":{"k":{"type":"string","enum":["v"]}}}}},"required":["tags"]}"""));
    }

    @Test
    void oneOfBecomesAnyOfAndNullableTypesBecomeNullable() throws Exception {
        JsonNode schema = json("{\"oneOf\":[{\"type\":[\"integer\",\"null\"],\"minimum\":1},{\"type\":\"string\"}]}");

        assertThat(GeminiSchemas.sanitize(schema)).isEqualTo(json(
                "{\"anyOf\":[{\"type\":\"integer\",\"nullable\":true,\"minimum\":1},{\"type\":\"string\"}]}"));
    }

    @Test
    void formatsGeminiDoesNotKnowAreDropped() throws Exception {
        JsonNode schema = json("""
                {"type":"object","properties":{"at":{"type":"string","format":"date-time"},
                 "mail":{"type":"string","format":"email"},"n":{"type":"integer","format":"int64"}}}""");

        assertThat(GeminiSchemas.sanitize(schema)).isEqualTo(json("""
                {"type":"object","properties":{"at":{"type":"string","format":"date-time"},
                 "mail":{"type":"string"},"n":{"type":"integer","format":"int64"}}}"""));
    }

    @Test
    void anObjectWithoutPropertiesIsEmpty() throws Exception {
        assertThat(GeminiSchemas.isEmptyObject(json("{\"type\":\"object\",\"properties\":{}}"))).isTrue();
        assertThat(GeminiSchemas.isEmptyObject(null)).isTrue();
        assertThat(GeminiSchemas.isEmptyObject(json("{\"type\":\"object\",\"properties\":{\"a\":{}}}"))).isFalse();
        assertThat(GeminiSchemas.sanitize(json("[1]"))).isNull();
    }
}
