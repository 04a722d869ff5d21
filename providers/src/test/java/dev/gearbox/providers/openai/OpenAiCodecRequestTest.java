package dev.gearbox.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiCodecRequestTest {
    private final OpenAiCodec codec = new OpenAiCodec();

    @Test
    void fullRequestRoundTripsExactly() {
        byte[] body = Fixtures.bytes("request-full.json");

        byte[] written = codec.writeRequest(codec.readRequest(body), "auto");

        assertThat(Fixtures.tree(written)).isEqualTo(Fixtures.tree(body));
    }

    @Test
    void minimalRequestRoundTripsExactly() {
        byte[] body = Fixtures.bytes("request-minimal.json");

        assertThat(Fixtures.tree(codec.writeRequest(codec.readRequest(body), "gpt-4o-mini")))
                .isEqualTo(Fixtures.tree(body));
    }

    @Test
    void typedFieldsAreReadFromTheirOpenAiNames() {
        ChatRequest r = codec.readRequest(Fixtures.bytes("request-full.json"));

        assertThat(r.model()).isEqualTo("auto");
        assertThat(r.stream()).isTrue();
        assertThat(r.includeUsage()).isTrue();
        assertThat(r.temperature()).isEqualTo(0.2);
        assertThat(r.topP()).isEqualTo(0.9);
        assertThat(r.maxTokens()).isEqualTo(300);
        assertThat(r.maxCompletionTokens()).isEqualTo(256);
        assertThat(r.outputTokenLimit()).isEqualTo(256);
        assertThat(r.n()).isEqualTo(1);
        assertThat(r.stop()).containsExactly("\n\nUser:", "END");
        assertThat(r.seed()).isEqualTo(1234567890123L);
        assertThat(r.logprobs()).isTrue();
        assertThat(r.topLogprobs()).isEqualTo(3);
        assertThat(r.toolChoice().path("function").path("name").asText()).isEqualTo("get_weather");
        assertThat(r.responseFormat().path("type").asText()).isEqualTo("json_schema");
        assertThat(r.extra().keySet()).containsExactly("stream_options", "parallel_tool_calls", "frequency_penalty",
                "presence_penalty", "logit_bias", "user", "metadata", "store", "reasoning_effort", "service_tier",
                "modalities");
    }

    @Test
    void messagesKeepRolesContentPartsAndToolCalls() {
        List<Message> m = codec.readRequest(Fixtures.bytes("request-full.json")).messages();

        assertThat(m).extracting(Message::role).containsExactly(Role.DEVELOPER, Role.SYSTEM, Role.USER,
                Role.ASSISTANT, Role.TOOL, Role.ASSISTANT, Role.USER);
        assertThat(m.get(0).name()).isEqualTo("ops");
        List<ContentPart> parts = ((Content.Parts) m.get(2).content()).parts();
        assertThat(parts.get(0)).isEqualTo(
                new ContentPart.Text("What is in this image, and what is the weather in Paris?"));
        assertThat(parts.get(1)).isEqualTo(new ContentPart.ImageUrl("https://example.com/cat.png", "high"));
        assertThat(parts.get(2)).isEqualTo(new ContentPart.ImageUrl("data:image/png;base64,iVBORw0KGgo=", null));
        assertThat(parts.get(3)).isInstanceOf(ContentPart.Other.class);
        assertThat(parts.get(4)).as("a text part with cache_control is forwarded raw")
                .isInstanceOf(ContentPart.Other.class);
        assertThat(m.get(2).extra()).containsKey("x_client_tag");
        assertThat(m.get(3).content()).isNull();
        assertThat(m.get(3).toolCalls()).containsExactly(
                ToolCall.function("call_abc123", "get_weather", "{\"city\":\"Paris\"}"));
        assertThat(m.get(4).toolCallId()).isEqualTo("call_abc123");
    }

    @Test
    void toolsAreTypedAndUnknownToolTypesKept() {
        ChatRequest r = codec.readRequest(Fixtures.bytes("request-full.json"));

        assertThat(r.tools()).hasSize(3);
        assertThat(r.tools().get(0).name()).isEqualTo("get_weather");
        assertThat(r.tools().get(0).strict()).isTrue();
        assertThat(r.tools().get(0).parameters().path("required").get(0).asText()).isEqualTo("city");
        assertThat(r.tools().get(0).extra()).containsKeys("x_tool_meta", "function");
        assertThat(r.tools().get(1).description()).isNull();
        assertThat(r.tools().get(2).type()).isEqualTo("custom");
        assertThat(r.tools().get(2).extra()).containsOnlyKeys("custom");
    }

    @Test
    void writeRequestReplacesTheModel() {
        ChatRequest r = codec.readRequest(Fixtures.bytes("request-minimal.json"));

        JsonNode out = Fixtures.tree(codec.writeRequest(r, "llama-3.1-8b-instant"));

        assertThat(out.path("model").asText()).isEqualTo("llama-3.1-8b-instant");
    }

    @Test
    void streamOptionsFollowTheCanonicalFlags() {
        ChatRequest r = codec.readRequest(Fixtures.bytes("request-full.json"));

        JsonNode notStreamed = Fixtures.tree(codec.writeRequest(r.withStream(false, false), "m"));
        JsonNode streamedWithoutUsage = Fixtures.tree(codec.writeRequest(r.withStream(true, false), "m"));
        ChatRequest plain = codec.readRequest(Fixtures.bytes("request-minimal.json"));
        JsonNode forcedUsage = Fixtures.tree(codec.writeRequest(plain.withStream(true, true), "m"));

        assertThat(notStreamed.has("stream")).isFalse();
        assertThat(notStreamed.has("stream_options")).isFalse();
        assertThat(streamedWithoutUsage.path("stream_options").toString()).isEqualTo("{\"x_chunk_hint\":\"small\"}");
        assertThat(forcedUsage.path("stream").asBoolean()).isTrue();
        assertThat(forcedUsage.path("stream_options").toString()).isEqualTo("{\"include_usage\":true}");
    }

    @Test
    void explicitNullContentIsReEmittedButMissingContentStaysMissing() {
        String withNull = "{\"model\":\"m\",\"messages\":[{\"role\":\"assistant\",\"content\":null,"
                + "\"tool_calls\":[{\"id\":\"c1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]},"
                + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"ok\"}]}";
        String missing = withNull.replace("\"content\":null,", "");

        JsonNode nullOut = Fixtures.tree(codec.writeRequest(codec.readRequest(utf8(withNull)), "m"));
        JsonNode missingOut = Fixtures.tree(codec.writeRequest(codec.readRequest(utf8(missing)), "m"));

        assertThat(nullOut).isEqualTo(Fixtures.tree(withNull));
        assertThat(missingOut).isEqualTo(Fixtures.tree(missing));
        assertThat(missingOut.path("messages").get(0).has("content")).isFalse();
    }

    @Test
    void stopAsAStringBecomesAList() {
        ChatRequest r = codec.readRequest(utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"stop\":\"END\"}"));

        assertThat(r.stop()).containsExactly("END");
        assertThat(Fixtures.tree(codec.writeRequest(r, "m")).path("stop").toString()).isEqualTo("[\"END\"]");
    }

    @Test
    void nullOptionalParametersCountAsNotSent() {
        ChatRequest r = codec.readRequest(utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"temperature\":null,\"tools\":null,\"stop\":null,\"stream\":null,\"stream_options\":null}"));

        assertThat(r.temperature()).isNull();
        assertThat(r.tools()).isEmpty();
        assertThat(r.stop()).isNull();
        assertThat(r.stream()).isFalse();
        assertThat(r.extra()).isEmpty();
    }

    @Test
    void canonicalRequestsBuiltInCoreAreWritten() {
        ChatRequest r = ChatRequest.of("judge", List.of(Message.of(Role.SYSTEM, "Grade it."),
                new Message(Role.USER, new Content.Parts(List.of(new ContentPart.Text("a"),
                        new ContentPart.ImageUrl("https://x/y.png", "low"))), null, List.of(), null, Map.of())));

        JsonNode out = Fixtures.tree(codec.writeRequest(r, "gpt-4o"));

        assertThat(out).isEqualTo(Fixtures.tree("{\"model\":\"gpt-4o\",\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Grade it.\"},"
                + "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},"
                + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\",\"detail\":\"low\"}}]}]}"));
    }

    @Test
    void readsFromHeapAndDirectBuffersWithoutConsumingThem() {
        byte[] body = Fixtures.bytes("request-full.json");
        ByteBuf heap = Unpooled.wrappedBuffer(body);
        ByteBuf direct = Unpooled.directBuffer(body.length).writeBytes(body);
        try {
            assertThat(codec.readRequest(heap)).isEqualTo(codec.readRequest(body));
            assertThat(codec.readRequest(direct)).isEqualTo(codec.readRequest(body));
            assertThat(direct.readerIndex()).isZero();
        } finally {
            direct.release();
        }
    }

    @Test
    void stringToolChoiceIsForwarded() {
        ChatRequest r = codec.readRequest(utf8("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"x\"}],"
                + "\"tool_choice\":\"required\"}"));

        assertThat(r.toolChoice().asText()).isEqualTo("required");
        assertThat(((ObjectNode) Fixtures.tree(codec.writeRequest(r, "m"))).get("tool_choice").asText())
                .isEqualTo("required");
    }

    @Test
    void aLargeBase64ImageIsNotRejectedByTheParsersStringLimit() {
        String dataUri = "data:image/png;base64," + "A".repeat(21_000_000);
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\","
                + "\"image_url\":{\"url\":\"" + dataUri + "\"}}]}]}";

        ChatRequest r = codec.readRequest(utf8(body));

        ContentPart part = ((Content.Parts) r.messages().get(0).content()).parts().get(0);
        assertThat(((ContentPart.ImageUrl) part).url()).hasSize(dataUri.length());
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
