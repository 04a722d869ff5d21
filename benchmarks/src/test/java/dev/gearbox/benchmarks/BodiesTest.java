package dev.gearbox.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.providers.sse.SseEvent;
import dev.gearbox.providers.sse.SseParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The benchmark inputs must be what they claim, or the figures measure an error path. */
class BodiesTest {
    private final OpenAiCodec codec = new OpenAiCodec();

    @Test
    void requestBodiesParse() {
        assertThat(codec.readRequest(Bodies.SMALL_REQUEST.getBytes(StandardCharsets.UTF_8)).messages()).hasSize(1);
        ChatRequest conversation = codec.readRequest(Bodies.conversationRequest().getBytes(StandardCharsets.UTF_8));
        assertThat(conversation.messages()).hasSize(13);
        assertThat(codec.readRequest(Bodies.resource("request-full.json").getBytes(StandardCharsets.UTF_8)).tools())
                .isNotEmpty();
        assertThat(codec.readResponse(Bodies.resource("response.json").getBytes(StandardCharsets.UTF_8)).choices())
                .hasSize(1);
    }

    @Test
    void streamHasEveryChunkThenDone() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(Bodies.stream(5).getBytes(StandardCharsets.UTF_8));
        parser.finish();

        assertThat(events).hasSize(5 + 4);
        assertThat(events.get(events.size() - 1).isDone()).isTrue();
        events.subList(0, events.size() - 1).forEach(e -> assertThat(codec.readChunk(e.data()).id())
                .isEqualTo("chatcmpl-Bench"));
    }
}
