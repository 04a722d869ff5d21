package dev.gearbox.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCall;
import dev.gearbox.core.model.Usage;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenAiCodecResponseTest {
    private final OpenAiCodec codec = new OpenAiCodec();

    @Test
    void responseRoundTripsExactly() {
        byte[] body = Fixtures.bytes("response.json");

        assertThat(Fixtures.tree(codec.writeResponse(codec.readResponse(body)))).isEqualTo(Fixtures.tree(body));
    }

    @Test
    void toolCallResponseRoundTripsExactly() {
        byte[] body = Fixtures.bytes("response-tool-call.json");

        assertThat(Fixtures.tree(codec.writeResponse(codec.readResponse(body)))).isEqualTo(Fixtures.tree(body));
    }

    @Test
    void readsResponsesFromHeapAndDirectBuffers() {
        byte[] body = Fixtures.bytes("response.json");
        ByteBuf heapSlice = Unpooled.wrappedBuffer(new byte[5], body).slice(5, body.length);
        ByteBuf direct = Unpooled.directBuffer(body.length).writeBytes(body);
        try {
            assertThat(codec.readResponse(heapSlice)).isEqualTo(codec.readResponse(body));
            assertThat(codec.readResponse(direct)).isEqualTo(codec.readResponse(body));
            assertThat(direct.readerIndex()).isZero();
        } finally {
            direct.release();
        }
    }

    @Test
    void responseFieldsAreTyped() {
        ChatResponse r = codec.readResponse(Fixtures.bytes("response.json"));

        assertThat(r.id()).isEqualTo("chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT");
        assertThat(r.created()).isEqualTo(1741569952L);
        assertThat(r.model()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(r.systemFingerprint()).isEqualTo("fp_06737a9306");
        assertThat(r.firstText()).isEqualTo("Hello! How can I assist you today?");
        assertThat(r.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(r.choices().get(0).logprobs().path("content").get(0).path("token").asText()).isEqualTo("Hello");
        assertThat(r.usage().promptTokens()).isEqualTo(19);
        assertThat(r.usage().completionTokens()).isEqualTo(10);
        assertThat(r.usage().totalTokens()).isEqualTo(29);
        assertThat(r.usage().extra()).containsOnlyKeys("prompt_tokens_details", "completion_tokens_details");
        assertThat(r.extra()).containsOnlyKeys("service_tier");
    }

    @Test
    void toolCallsAreTyped() {
        Message m = codec.readResponse(Fixtures.bytes("response-tool-call.json")).choices().get(0).message();

        assertThat(m.role()).isEqualTo(Role.ASSISTANT);
        assertThat(m.content()).isNull();
        assertThat(m.toolCalls()).containsExactly(
                ToolCall.function("call_9pA1", "get_weather", "{\"city\":\"Paris\"}"),
                ToolCall.function("call_9pA2", "get_weather", "{\"city\":\"Rome\"}"));
    }

    @Test
    void canonicalResponseIsWrittenInOpenAiShapeWithNullLogprobs() {
        ChatResponse r = new ChatResponse("chatcmpl-1", 1700000000L, "gearbox-small",
                List.of(new Choice(0, Message.of(Role.ASSISTANT, "Hi."), "stop", null)), Usage.of(3, 2), null,
                Map.of());

        String json = new String(codec.writeResponse(r), StandardCharsets.UTF_8);

        assertThat(json).isEqualTo("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,"
                + "\"model\":\"gearbox-small\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Hi.\"},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":2,\"total_tokens\":5}}");
    }

    @Test
    void missingOptionalFieldsAreTolerated() {
        ChatResponse r = codec.readResponse(utf8("{\"choices\":[{\"message\":{\"content\":\"ok\"}}]}"));

        assertThat(r.id()).isNull();
        assertThat(r.created()).isZero();
        assertThat(r.usage()).isNull();
        assertThat(r.choices().get(0).index()).isZero();
        assertThat(r.choices().get(0).message().role()).isEqualTo(Role.ASSISTANT);
        assertThat(r.firstText()).isEqualTo("ok");
    }

    @Test
    void totalTokensDefaultsToTheSumWhenAbsent() {
        ChatResponse r = codec.readResponse(utf8("{\"choices\":[],\"usage\":{\"prompt_tokens\":4,"
                + "\"completion_tokens\":6}}"));

        assertThat(r.usage().totalTokens()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<html><body>502 Bad Gateway</body></html>",
        "",
        "{\"id\":\"x\"}",
        "[1,2]",
        "{\"choices\":{}}",
        "{\"choices\":[{\"message\":\"hi\"}]}",
        "{\"choices\":[{}]}",
        "{\"choices\":[],\"usage\":{\"prompt_tokens\":\"many\"}}",
        "{\"choices\":[{\"message\":{\"content\":{}}}]}",
        "{\"choices\":[{\"index\":\"zero\",\"message\":{}}]}",
        "{\"choices\":[],\"created\":\"yesterday\"}",
        "{\"choices\":[]",
    })
    void garbageUpstreamBodiesAreUpstreamErrors(String body) {
        GatewayException e = catchThrowableOfType(GatewayException.class, () -> codec.readResponse(utf8(body)));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).startsWith("upstream returned an invalid response: ").doesNotContain("\tat ");
    }

    @Test
    void anErrorObjectInAnOkBodyIsReportedAsUpstreamError() {
        GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> codec.readResponse(Fixtures.bytes("error.json")));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("maximum context length is 128000 tokens");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
