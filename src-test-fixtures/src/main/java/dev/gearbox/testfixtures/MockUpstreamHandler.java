package dev.gearbox.testfixtures;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Serves {@code POST /v1/chat/completions} with the behaviour its {@code model} names. */
@ChannelHandler.Sharable
final class MockUpstreamHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final byte[] GARBAGE = "<html><body>definitely not JSON".getBytes(StandardCharsets.US_ASCII);

    private final RequestLog log;
    private final AtomicLong sequence = new AtomicLong();

    MockUpstreamHandler(RequestLog log) {
        this.log = log;
    }

    /** One request's facts that every behaviour needs. */
    private record Exchange(ChannelHandlerContext ctx, JsonNode body, String model, boolean stream,
                            boolean includeUsage, int promptTokens, boolean keepAlive, long sequence) {
        String id() {
            return "chatcmpl-mock-" + sequence;
        }
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        String path = request.uri();
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        JsonNode body = parse(request);
        if (log.recording()) {
            log.record(new RecordedRequest(request.method().name(), path, headers(request), body));
        }
        if (!path.equals("/v1/chat/completions") && !path.equals("/chat/completions")) {
            sendJson(ctx, HttpResponseStatus.NOT_FOUND, MockAnswers.error(404, "no route " + path), keepAlive, null);
            return;
        }
        if (!HttpMethod.POST.equals(request.method())) {
            sendJson(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED, MockAnswers.error(405, "use POST"), keepAlive, null);
            return;
        }
        if (body == null || !body.isObject()) {
            log.count("");
            sendJson(ctx, HttpResponseStatus.BAD_REQUEST, MockAnswers.error(400, "the body is not a JSON object"),
                    keepAlive, null);
            return;
        }
        String model = body.path("model").asText("");
        log.count(model);
        Exchange ex = new Exchange(ctx, body, model, body.path("stream").asBoolean(false),
                body.path("stream_options").path("include_usage").asBoolean(false),
                request.content().readableBytes() / 4, keepAlive, sequence.incrementAndGet());
        act(ex, MockBehavior.forModel(model));
    }

    private void act(Exchange ex, MockBehavior behavior) {
        if (behavior instanceof MockBehavior.Ok) {
            answer(ex, MockAnswers.text(MockAnswers.OK_PIECES), 0, -1);
        } else if (behavior instanceof MockBehavior.Error e) {
            sendJson(ex.ctx(), HttpResponseStatus.valueOf(e.status()),
                    MockAnswers.error(e.status(), "mock upstream error " + e.status()), ex.keepAlive(),
                    e.retryAfterSeconds() == null ? null : String.valueOf(e.retryAfterSeconds()));
        } else if (behavior instanceof MockBehavior.Slow s) {
            ex.ctx().executor().schedule(() -> answer(ex, MockAnswers.text(MockAnswers.OK_PIECES), 0, -1),
                    s.millis(), TimeUnit.MILLISECONDS);
        } else if (behavior instanceof MockBehavior.StreamSlow s) {
            answer(ex, MockAnswers.text(MockAnswers.OK_PIECES), s.millis(), -1);
        } else if (behavior instanceof MockBehavior.StreamCut c) {
            answer(ex, MockAnswers.big(Math.max(10, c.events() + 5)), 0, c.events());
        } else if (behavior instanceof MockBehavior.Garbage) {
            sendGarbage(ex);
        } else if (behavior instanceof MockBehavior.ToolCall) {
            answer(ex, MockAnswers.toolCall(ex.body(), ex.sequence()), 0, -1);
        } else if (behavior instanceof MockBehavior.Echo) {
            answer(ex, MockAnswers.text(List.of(lastUserText(ex.body()))), 0, -1);
        } else if (behavior instanceof MockBehavior.Json) {
            answer(ex, MockAnswers.text(MockAnswers.JSON_PIECES), 0, -1);
        } else if (behavior instanceof MockBehavior.AlmostJson) {
            answer(ex, MockAnswers.text(MockAnswers.ALMOST_JSON_PIECES), 0, -1);
        } else if (behavior instanceof MockBehavior.Empty) {
            answer(ex, MockAnswers.text(List.of()), 0, -1);
        } else if (behavior instanceof MockBehavior.Big b) {
            answer(ex, MockAnswers.big(b.chunks()), 0, -1);
        }
        // Hang: never answer; the connection stays open until the client or the server closes it.
    }

    /** Sends the answer as JSON or SSE; {@code cutAfter >= 0} closes the connection early. */
    private void answer(Exchange ex, MockAnswers.Answer answer, long gapMillis, int cutAfter) {
        long created = System.currentTimeMillis() / 1000;
        if (ex.stream()) {
            new MockSseStream(ex.ctx(), ex.id(), created, ex.model(), answer, ex.includeUsage(), ex.promptTokens(),
                    gapMillis, cutAfter, ex.keepAlive()).start();
            return;
        }
        ObjectNode completion = MockAnswers.completion(ex.id(), created, ex.model(), answer, ex.promptTokens());
        if (cutAfter < 0) {
            sendJson(ex.ctx(), HttpResponseStatus.OK, completion, ex.keepAlive(), null);
            return;
        }
        byte[] bytes = completion.toString().getBytes(StandardCharsets.UTF_8);
        var head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        ex.ctx().write(head);
        ex.ctx().writeAndFlush(new io.netty.handler.codec.http.DefaultHttpContent(
                Unpooled.wrappedBuffer(bytes, 0, bytes.length / 2))).addListener(ChannelFutureListener.CLOSE);
    }

    private static void sendGarbage(Exchange ex) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(GARBAGE));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE,
                ex.stream() ? "text/event-stream" : HttpHeaderValues.APPLICATION_JSON.toString());
        finish(ex.ctx(), response, ex.keepAlive());
    }

    private static void sendJson(ChannelHandlerContext ctx, HttpResponseStatus status, ObjectNode json,
                                 boolean keepAlive, String retryAfter) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a mock response", e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        if (retryAfter != null) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, retryAfter);
        }
        finish(ctx, response, keepAlive);
    }

    private static void finish(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        HttpUtil.setContentLength(response, response.content().readableBytes());
        if (keepAlive) {
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static JsonNode parse(FullHttpRequest request) {
        if (!request.content().isReadable()) {
            return null;
        }
        try (var in = new ByteBufInputStream(request.content().duplicate())) {
            return MAPPER.readTree((java.io.InputStream) in);
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> headers(FullHttpRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> h : request.headers()) {
            out.merge(h.getKey().toLowerCase(Locale.ROOT), h.getValue(), (a, b) -> a + ", " + b);
        }
        return out;
    }

    private static String lastUserText(JsonNode body) {
        String last = "";
        for (JsonNode m : body.path("messages")) {
            if (!"user".equals(m.path("role").asText())) {
                continue;
            }
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                last = content.asText();
            } else if (content.isArray()) {
                StringBuilder sb = new StringBuilder();
                for (JsonNode part : content) {
                    if ("text".equals(part.path("type").asText())) {
                        sb.append(sb.length() > 0 ? "\n" : "").append(part.path("text").asText());
                    }
                }
                last = sb.toString();
            }
        }
        return last;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
