package dev.gearbox.providers.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonSchemaFillerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode schema(String json) throws Exception {
        return JSON.readTree(json);
    }

    @Test
    void fillsEachTypeWithAPlausibleValue() throws Exception {
        JsonNode value = JsonSchemaFiller.fillAll(schema("""
                {"type":"object","properties":{
                  "when":{"type":"string","format":"date"},
                  "score":{"type":"number"},
                  "ok":{"type":"boolean"},
                  "level":{"type":"string","enum":["low","high"]},
                  "fixed":{"const":"v1"},
                  "maybe":{"type":["null","integer"]},
                  "either":{"anyOf":[{"type":"null"},{"type":"string","format":"email"}]},
                  "list":{"type":"array","items":{"type":"integer","minimum":5,"maximum":5},"minItems":2,"maxItems":2}}}
                """), new Random(1));

        assertThat(value.get("when").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(value.get("score").isNumber()).isTrue();
        assertThat(value.get("ok").isBoolean()).isTrue();
        assertThat(value.get("level").asText()).isIn("low", "high");
        assertThat(value.get("fixed").asText()).isEqualTo("v1");
        assertThat(value.get("maybe").isInt()).isTrue();
        assertThat(value.get("either").asText()).contains("@");
        assertThat(value.get("list")).hasSize(2).allSatisfy(n -> assertThat(n.asInt()).isEqualTo(5));
    }

    @Test
    void requiredOnlyLeavesOptionalPropertiesOut() throws Exception {
        JsonNode value = JsonSchemaFiller.fillRequired(schema("""
                {"type":"object","properties":{"a":{"type":"string"},"b":{"type":"string"}},"required":["b"]}
                """), new Random(1));
        assertThat(value.has("a")).isFalse();
        assertThat(value.has("b")).isTrue();
    }

    @Test
    void recursiveSchemasEnd() throws Exception {
        JsonNode value = JsonSchemaFiller.fillAll(schema("""
                {"$ref":"#/$defs/node","$defs":{"node":{"type":"object",
                  "properties":{"name":{"type":"string"},"child":{"$ref":"#/$defs/node"}}}}}
                """), new Random(1));
        int depth = 0;
        for (JsonNode n = value; n != null && n.has("child"); n = n.get("child")) {
            depth++;
        }
        assertThat(depth).isBetween(1, 8);
    }

    @Test
    void aMissingSchemaGivesAnEmptyObject() {
        assertThat(JsonSchemaFiller.fillRequired(null, new Random(1)).isObject()).isTrue();
    }
}
