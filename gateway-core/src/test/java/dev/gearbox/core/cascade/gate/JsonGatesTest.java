package dev.gearbox.core.cascade.gate;

import static dev.gearbox.core.cascade.gate.GateTesting.answer;
import static dev.gearbox.core.cascade.gate.GateTesting.ask;
import static dev.gearbox.core.cascade.gate.GateTesting.outcome;
import static dev.gearbox.core.cascade.gate.GateTesting.toolCalls;
import static dev.gearbox.core.cascade.gate.GateTesting.withFormat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Tool;
import dev.gearbox.core.model.ToolCall;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The JSON gates: response_format JSON, JSON schema, tool-call arguments. */
class JsonGatesTest {
    private static final String JSON_OBJECT = "{\"type\":\"json_object\"}";
    private static final String PERSON_SCHEMA = """
            {"type":"json_schema","json_schema":{"name":"person","strict":true,"schema":{
              "type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer","minimum":0}},
              "required":["name","age"],"additionalProperties":false}}}""";

    @Nested
    class Json {
        private final JsonGate gate = new JsonGate();

        @Test
        void jsonModeNeedsOneJsonObject() {
            ChatRequest request = withFormat("Give me a person", JSON_OBJECT);

            assertThat(outcome(gate, request, answer("{\"name\":\"Ada\"}"))).isEqualTo("accept");
            assertThat(outcome(gate, request, answer(" {\"name\":\"Ada\"}\n"))).isEqualTo("accept");
            assertThat(outcome(gate, request, answer("Sure! {\"name\":\"Ada\"}"))).isEqualTo("escalate:invalid_json");
            assertThat(outcome(gate, request, answer("```json\n{\"name\":\"Ada\"}\n```"))).isEqualTo("escalate:invalid_json");
            assertThat(outcome(gate, request, answer("{\"name\":\"Ada\"} trailing"))).isEqualTo("escalate:invalid_json");
            assertThat(outcome(gate, request, answer("[1,2]"))).isEqualTo("escalate:invalid_json");
            assertThat(outcome(gate, request, answer("{\"name\":"))).isEqualTo("escalate:invalid_json");
        }

        @Test
        void theReasonSaysWhereTheJsonBreaks() {
            GateVerdict v = GateTesting.verdict(gate, withFormat("q", JSON_OBJECT), answer("{\"a\": tru}"));
            assertThat(((GateVerdict.Escalate) v).detail()).startsWith("not valid JSON").contains("line 1");
        }

        @Test
        void otherRequestsAndToolCallsAbstain() {
            assertThat(outcome(gate, ask("q"), answer("not json"))).isEqualTo("abstain");
            assertThat(outcome(gate, withFormat("q", "{\"type\":\"text\"}"), answer("not json"))).isEqualTo("abstain");
            assertThat(outcome(gate, withFormat("q", JSON_OBJECT), toolCalls(ToolCall.function("c", "f", "{}"))))
                    .isEqualTo("abstain");
        }

        @Test
        void realArenaAnswersAreNotJson() {
            SharedRows.Row row = SharedRows.arena().get(0);
            assertThat(outcome(gate, withFormat(row.prompt(), JSON_OBJECT), answer(row.weakAnswer())))
                    .isEqualTo("escalate:invalid_json");
        }
    }

    @Nested
    class Schema {
        private final JsonSchemaGate gate = new JsonSchemaGate();
        private final ChatRequest request = withFormat("Give me a person", PERSON_SCHEMA);

        @Test
        void anAnswerMatchingTheSchemaIsAccepted() {
            assertThat(outcome(gate, request, answer("{\"name\":\"Ada\",\"age\":36}"))).isEqualTo("accept");
        }

        @Test
        void aMismatchEscalatesWithTheValidatorsMessages() {
            GateVerdict v = GateTesting.verdict(gate, request, answer("{\"name\":\"Ada\",\"age\":\"old\"}"));

            assertThat(outcome(v)).isEqualTo("escalate:schema_mismatch");
            assertThat(((GateVerdict.Escalate) v).detail()).contains("age").contains("integer");
            assertThat(outcome(gate, request, answer("{\"name\":\"Ada\"}"))).isEqualTo("escalate:schema_mismatch");
            assertThat(outcome(gate, request, answer("{\"name\":\"Ada\",\"age\":1,\"x\":1}"))).isEqualTo("escalate:schema_mismatch");
            assertThat(outcome(gate, request, answer("{\"name\":\"Ada\",\"age\":-1}"))).isEqualTo("escalate:schema_mismatch");
        }

        @Test
        void invalidJsonEscalatesToo() {
            assertThat(outcome(gate, request, answer("name: Ada"))).isEqualTo("escalate:invalid_json");
        }

        @Test
        void withoutASchemaOrWithAnExternalReferenceItAbstains() {
            assertThat(outcome(gate, withFormat("q", JSON_OBJECT), answer("{}"))).isEqualTo("abstain");
            String external = """
                    {"type":"json_schema","json_schema":{"name":"x","schema":{"$ref":"http://127.0.0.1:9/elsewhere.json"}}}""";
            assertThat(outcome(gate, withFormat("q", external), answer("{}"))).isEqualTo("abstain");
        }

        @Test
        void anExternalReferenceIsNeverFetched() throws Exception {
            java.util.concurrent.atomic.AtomicInteger hits = new java.util.concurrent.atomic.AtomicInteger();
            com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                    new java.net.InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                hits.incrementAndGet();
                byte[] body = "{\"type\":\"object\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            try {
                String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/s.json";
                String external = "{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\",\"schema\":"
                        + "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$ref\":\"" + url + "\"}}}";
                assertThat(outcome(gate, withFormat("q", external), answer("{}"))).isEqualTo("abstain");
                assertThat(hits.get()).isZero();
            } finally {
                server.stop(0);
            }
        }

        @Test
        void localReferencesResolve() {
            String withDefs = """
                    {"type":"json_schema","json_schema":{"name":"x","schema":{"type":"object",
                      "properties":{"p":{"$ref":"#/$defs/pos"}},"required":["p"],
                      "$defs":{"pos":{"type":"integer","minimum":1}}}}}""";
            assertThat(outcome(gate, withFormat("q", withDefs), answer("{\"p\":3}"))).isEqualTo("accept");
            assertThat(outcome(gate, withFormat("q", withDefs), answer("{\"p\":0}"))).isEqualTo("escalate:schema_mismatch");
        }
    }

    @Nested
    class ToolArguments {
        private final ToolArgumentsGate gate = new ToolArgumentsGate();
        private final ChatRequest request = withTools("get_weather");

        @Test
        void argumentsMustBeAJsonObject() {
            assertThat(outcome(gate, request, toolCalls(ToolCall.function("c", "get_weather", "{\"city\":\"Paris\"}"))))
                    .isEqualTo("accept");
            assertThat(outcome(gate, request, toolCalls(ToolCall.function("c", "get_weather", "{\"city\":\"Par"))))
                    .isEqualTo("escalate:invalid_tool_args");
            assertThat(outcome(gate, request, toolCalls(ToolCall.function("c", "get_weather", "\"Paris\""))))
                    .isEqualTo("escalate:invalid_tool_args");
            assertThat(outcome(gate, request, toolCalls(ToolCall.function("a", "get_weather", "{}"),
                    ToolCall.function("b", "get_weather", "")))).isEqualTo("escalate:invalid_tool_args");
        }

        @Test
        void aToolTheRequestDidNotOfferEscalates() {
            assertThat(outcome(gate, request, toolCalls(ToolCall.function("c", "delete_everything", "{}"))))
                    .isEqualTo("escalate:unknown_tool");
        }

        @Test
        void answersWithoutToolCallsAbstain() {
            assertThat(outcome(gate, request, answer("It is sunny."))).isEqualTo("abstain");
        }

        private static ChatRequest withTools(String name) {
            ChatRequest r = ask("weather in Paris?");
            Tool tool = new Tool("function", name, "Weather", GateTesting.json("{\"type\":\"object\"}"), null, Map.of());
            return new ChatRequest(r.model(), r.messages(), false, false, List.of(tool), null, null,
                    null, null, null, null, null, null, null, null, null, Map.of());
        }
    }
}
