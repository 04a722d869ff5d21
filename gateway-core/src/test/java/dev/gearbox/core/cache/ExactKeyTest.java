package dev.gearbox.core.cache;

import static dev.gearbox.core.cache.CacheTesting.ask;
import static dev.gearbox.core.cache.CacheTesting.withTemperature;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Tool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The exact key: every input of the answer counts, transport and JSON key order do not. */
class ExactKeyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theSameRequestHasTheSameKeyAndTenantsDoNotShare() {
        assertThat(ExactKey.of("t1", ask("hi"))).isEqualTo(ExactKey.of("t1", ask("hi")));
        assertThat(ExactKey.of("t1", ask("hi"))).isNotEqualTo(ExactKey.of("t2", ask("hi")));
    }

    @Test
    void streamingDoesNotChangeTheKey() {
        ChatRequest plain = ask("hi");
        ChatRequest streamed = new ChatRequest(plain.model(), plain.messages(), true, true, plain.tools(), null, null,
                null, null, null, null, null, null, null, null, null,
                Map.of("stream_options", JSON.createObjectNode().put("include_usage", true)));

        assertThat(ExactKey.of("t", streamed)).isEqualTo(ExactKey.of("t", plain));
    }

    @Test
    void everyGenerationParameterChangesTheKey() {
        ChatRequest base = ask("hi");
        ObjectNode format = JSON.createObjectNode().put("type", "json_object");
        List<ChatRequest> variants = List.of(
                base.withModel("fast"),
                base.withMessages(List.of(Message.of(Role.USER, "hi!"))),
                base.withMessages(List.of(Message.of(Role.SYSTEM, "be brief"), Message.of(Role.USER, "hi"))),
                withTemperature(base, 0.0),
                new ChatRequest("auto", base.messages(), false, false, List.of(Tool.function("f", "d", null)), null,
                        null, null, null, null, null, null, null, null, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), JSON.getNodeFactory().textNode("none"),
                        null, null, null, null, null, null, null, null, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, format, null, null, null, null,
                        null, null, null, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, null, null, 0.5, null, null,
                        null, null, null, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, null, null, null, 10, null,
                        null, null, null, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, null, null, null, null, 10,
                        null, null, null, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, null, null, null, null, null,
                        2, null, null, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, null, null, null, null, null,
                        null, List.of("\n"), null, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, null, null, null, null, null,
                        null, null, 7L, null, null, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, null, null, null, null, null,
                        null, null, null, true, 2, Map.of()),
                new ChatRequest("auto", base.messages(), false, false, List.of(), null, null, null, null, null, null,
                        null, null, null, null, null, Map.of("presence_penalty", JSON.getNodeFactory().numberNode(1))));

        ExactKey key = ExactKey.of("t", base);
        assertThat(variants).allSatisfy(v -> assertThat(ExactKey.of("t", v)).isNotEqualTo(key));
        assertThat(variants.stream().map(v -> ExactKey.of("t", v)).distinct()).hasSize(variants.size());
    }

    @Test
    void jsonKeyOrderInsideParametersDoesNotMatter() throws Exception {
        ChatRequest ab = new ChatRequest("auto", ask("hi").messages(), false, false, List.of(), null,
                JSON.readTree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"strict\":true}}"), null, null,
                null, null, null, null, null, null, null, Map.of());
        ChatRequest ba = new ChatRequest("auto", ask("hi").messages(), false, false, List.of(), null,
                JSON.readTree("{\"json_schema\":{\"strict\":true,\"name\":\"x\"},\"type\":\"json_schema\"}"), null, null,
                null, null, null, null, null, null, null, Map.of());

        assertThat(ExactKey.of("t", ab)).isEqualTo(ExactKey.of("t", ba));
    }
}
