package dev.gearbox.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.ToolCallDelta;
import dev.gearbox.core.model.Usage;
import dev.gearbox.providers.sse.SseEvent;
import dev.gearbox.providers.sse.SseParser;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenAiCodecChunkTest {
    private final OpenAiCodec codec = new OpenAiCodec();

    @Test
    void includeUsageStreamRoundTripsChunkByChunk() {
        List<String> data = dataOf("stream-usage.sse");

        assertThat(data).hasSize(6).last().isEqualTo("[DONE]");
        for (String json : data.subList(0, 5)) {
            byte[] written = codec.writeChunk(codec.readChunk(json), true);
            assertThat(Fixtures.tree(written)).as(json).isEqualTo(Fixtures.tree(json));
        }
    }

    @Test
    void toolCallStreamRoundTripsChunkByChunkWithoutUsageKey() {
        List<String> data = dataOf("stream-tool-calls.sse");

        for (String json : data.subList(0, data.size() - 1)) {
            byte[] written = codec.writeChunk(codec.readChunk(json));
            assertThat(Fixtures.tree(written)).as(json).isEqualTo(Fixtures.tree(json));
            assertThat(Fixtures.tree(written).has("usage")).isFalse();
        }
    }

    @Test
    void toolCallDeltasKeepIndexAndOnlyThePresentParts() {
        List<String> data = dataOf("stream-tool-calls.sse");

        ChatChunk first = codec.readChunk(data.get(0));
        ChatChunk fragment = codec.readChunk(data.get(1));
        ChatChunk secondCall = codec.readChunk(data.get(3));
        ChatChunk last = codec.readChunk(data.get(5));

        assertThat(first.choices().get(0).delta().role()).isEqualTo(Role.ASSISTANT);
        assertThat(first.choices().get(0).delta().content()).isNull();
        assertThat(first.choices().get(0).delta().toolCalls())
                .containsExactly(new ToolCallDelta(0, "call_Xa1", "function", "get_weather", ""));
        assertThat(fragment.choices().get(0).delta().toolCalls())
                .containsExactly(new ToolCallDelta(0, null, null, null, "{\"city\":"));
        assertThat(secondCall.choices().get(0).delta().toolCalls().get(0).index()).isEqualTo(1);
        assertThat(last.choices().get(0).finishReason()).isEqualTo("tool_calls");
        assertThat(last.choices().get(0).delta().toolCalls()).isEmpty();
    }

    @Test
    void usageChunkHasNoChoicesAndTheUsage() {
        List<String> data = dataOf("stream-usage.sse");

        ChatChunk usage = codec.readChunk(data.get(4));
        ChatChunk text = codec.readChunk(data.get(1));

        assertThat(usage.isUsageOnly()).isTrue();
        assertThat(usage.usage().totalTokens()).isEqualTo(13);
        assertThat(usage.usage().extra()).containsKey("completion_tokens_details");
        assertThat(text.isUsageOnly()).isFalse();
        assertThat(text.usage()).isNull();
        assertThat(text.choices().get(0).delta().content()).isEqualTo("Héllo");
    }

    @Test
    void usageNullAppearsOnlyWhenTheClientAskedForUsage() {
        ChatChunk chunk = new ChatChunk("c1", 1L, "m",
                List.of(new ChunkChoice(0, Delta.content("Hi"), null, null)), null, null, Map.of());

        String without = new String(codec.writeChunk(chunk, false), StandardCharsets.UTF_8);
        String with = new String(codec.writeChunk(chunk, true), StandardCharsets.UTF_8);

        assertThat(without).isEqualTo("{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
                + "\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"},\"logprobs\":null,"
                + "\"finish_reason\":null}]}");
        assertThat(with).isEqualTo(without.substring(0, without.length() - 1) + ",\"usage\":null}");
    }

    @Test
    void finalUsageChunkIsWrittenWithEmptyChoices() {
        ChatChunk chunk = new ChatChunk("c1", 1L, "m", List.of(), Usage.of(5, 7), null, Map.of());

        assertThat(Fixtures.tree(codec.writeChunk(chunk, true))).isEqualTo(Fixtures.tree(
                "{\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
                        + "\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":7,\"total_tokens\":12}}"));
    }

    @Test
    void writingIntoABufferMatchesTheBytes() {
        ChatChunk chunk = codec.readChunk(dataOf("stream-usage.sse").get(2));
        ByteBuf out = Unpooled.buffer();
        try {
            codec.writeChunk(chunk, true, out);
            byte[] viaBuffer = new byte[out.readableBytes()];
            out.readBytes(viaBuffer);
            assertThat(viaBuffer).isEqualTo(codec.writeChunk(chunk, true));
        } finally {
            out.release();
        }
    }

    @Test
    void chunkEventsAreFramedForSseAndParseBack() {
        ChatChunk chunk = codec.readChunk(dataOf("stream-tool-calls.sse").get(0));
        ByteBuf event = codec.writeChunkEvent(chunk, false, ByteBufAllocator.DEFAULT);
        List<SseEvent> parsed = new ArrayList<>();
        try {
            new SseParser(parsed::add).feed(event);
            assertThat(event.toString(StandardCharsets.UTF_8)).startsWith("data: {\"id\":").endsWith("}\n\n");
        } finally {
            event.release();
        }

        assertThat(parsed).hasSize(1);
        assertThat(codec.readChunk(parsed.get(0).data())).isEqualTo(chunk);
    }

    @Test
    void anErrorChunkMidStreamIsAnUpstreamErrorWithItsMessage() {
        GatewayException e = catchThrowableOfType(GatewayException.class, () -> codec.readChunk(
                "{\"error\":{\"message\":\"The server had an error while processing your request.\","
                        + "\"type\":\"server_error\",\"code\":null}}"));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("The server had an error while processing your request.");
    }

    @Test
    void garbageChunksAreUpstreamErrors() {
        for (String bad : List.of("not json", "", "{\"id\":1}", "{\"choices\":[{\"delta\":{\"tool_calls\":3}}]}",
                "{\"choices\":[{\"delta\":{\"content\":{}}}]}")) {
            GatewayException e = catchThrowableOfType(GatewayException.class, () -> codec.readChunk(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.kind()).as(bad).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        }
    }

    private static List<String> dataOf(String fixture) {
        List<String> data = new ArrayList<>();
        SseParser parser = new SseParser(e -> data.add(e.data()));
        parser.feed(Fixtures.bytes(fixture));
        parser.finish();
        return data;
    }
}
