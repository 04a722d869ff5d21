package dev.gearbox.testfixtures;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes one SSE answer on the channel's event loop: role chunk, content chunks, finish chunk,
 * optional usage chunk, then {@code data: [DONE]}. Each chunk is stamped with its send time just
 * before it is written. With a gap, events are scheduled (never slept); with a cut, the
 * connection closes after that many events without [DONE].
 */
final class MockSseStream {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);

    private record Event(ObjectNode delta, String finishReason, boolean usage) {
    }

    private final ChannelHandlerContext ctx;
    private final String id;
    private final long created;
    private final String model;
    private final int promptTokens;
    private final int completionTokens;
    private final List<Event> events;
    private final long gapMillis;
    private final int cutAfter;
    private final boolean keepAlive;
    private int next;

    MockSseStream(ChannelHandlerContext ctx, String id, long created, String model, MockAnswers.Answer answer,
                  boolean includeUsage, int promptTokens, long gapMillis, int cutAfter, boolean keepAlive) {
        this.ctx = ctx;
        this.id = id;
        this.created = created;
        this.model = model;
        this.promptTokens = promptTokens;
        this.completionTokens = answer.pieces().size();
        this.gapMillis = gapMillis;
        this.cutAfter = cutAfter;
        this.keepAlive = keepAlive;
        this.events = new ArrayList<>(answer.pieces().size() + 3);
        for (ObjectNode delta : MockAnswers.streamDeltas(answer)) {
            events.add(new Event(delta, null, false));
        }
        events.add(new Event(JsonNodeFactory.instance.objectNode(), answer.finishReason(), false));
        if (includeUsage) {
            events.add(new Event(null, null, true));
        }
    }

    void start() {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        if (!keepAlive) {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        ctx.write(head);
        step();
    }

    private void step() {
        do {
            if (!ctx.channel().isActive()) {
                return;
            }
            if (cutAfter >= 0 && next >= cutAfter) {
                ctx.writeAndFlush(new DefaultHttpContent(ctx.alloc().buffer(0)))
                        .addListener(ChannelFutureListener.CLOSE);
                return;
            }
            if (next == events.size()) {
                ByteBuf done = ctx.alloc().buffer(DONE.length).writeBytes(DONE);
                var f = ctx.writeAndFlush(new DefaultLastHttpContent(done));
                if (!keepAlive) {
                    f.addListener(ChannelFutureListener.CLOSE);
                }
                return;
            }
            ctx.writeAndFlush(new DefaultHttpContent(encode(events.get(next++))));
        } while (gapMillis <= 0);
        ctx.executor().schedule(this::step, gapMillis, TimeUnit.MILLISECONDS);
    }

    private ByteBuf encode(Event event) {
        ObjectNode chunk = event.usage()
                ? MockAnswers.usageChunk(id, created, model, promptTokens, completionTokens)
                : MockAnswers.chunk(id, created, model, event.delta(), event.finishReason(), EpochMicros.now());
        try {
            byte[] json = MAPPER.writeValueAsBytes(chunk);
            ByteBuf buf = ctx.alloc().buffer(json.length + 8);
            buf.writeBytes("data: ".getBytes(StandardCharsets.US_ASCII)).writeBytes(json).writeByte('\n').writeByte('\n');
            return buf;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a mock chunk", e);
        }
    }
}
