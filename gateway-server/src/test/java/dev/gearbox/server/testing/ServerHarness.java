package dev.gearbox.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.providers.openai.OpenAiCodec;
import dev.gearbox.config.CacheConfig;
import dev.gearbox.core.cache.ResponseCaches;
import dev.gearbox.server.GearboxRoutes;
import dev.gearbox.server.ServerState;
import dev.gearbox.server.http.BodyLimitAggregator;
import dev.gearbox.server.http.ErrorResponder;
import dev.gearbox.server.http.ExchangeServices;
import dev.gearbox.server.http.RequestIds;
import dev.gearbox.server.http.RequestRouter;
import dev.gearbox.server.http.RouteTable;
import dev.gearbox.server.metrics.ServerMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's pipeline behind the HTTP codec (keep-alive, body limit, router) in an
 * {@link EmbeddedChannel}, with a fake gateway, a fake nanosecond clock and a real Prometheus registry.
 */
public final class ServerHarness {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final int MAX_BODY = 1024;

    public final FakeChatGateway gateway = new FakeChatGateway();
    public final ServerState state = new ServerState();
    public final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    public final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    public final ExchangeServices services;
    private final RouteTable routes;

    public ServerHarness() {
        this(CacheConfig.DISABLED, new ResponseCaches(null, null));
    }

    /** A harness whose routes serve {@code cache}'s tenant header and admin key over {@code caches}. */
    public ServerHarness(CacheConfig cache, ResponseCaches caches) {
        OpenAiCodec codec = new OpenAiCodec();
        state.moveTo(ServerState.Phase.SERVING);
        services = new ExchangeServices(new ErrorResponder(codec::writeError),
                new ServerMetrics(registry), state,
                new RequestIds(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), 7L),
                nanos::get);
        routes = GearboxRoutes.create(gateway, codec, () -> List.of("auto", "fast", "fast-1"), 1_700_000_000L,
                state, registry, cache, caches);
    }

    public EmbeddedChannel channel() {
        return new EmbeddedChannel(new HttpServerKeepAliveHandler(),
                new BodyLimitAggregator(MAX_BODY, services.errors(), services.requestIds(), services.recorder()),
                new RequestRouter(routes, services));
    }

    public static FullHttpRequest request(HttpMethod method, String uri, String body) {
        ByteBuf content = body == null ? Unpooled.EMPTY_BUFFER : Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, uri, content);
        HttpUtil.setContentLength(request, content.readableBytes());
        if (body != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        }
        return request;
    }

    public static FullHttpRequest post(String uri, String body) {
        return request(HttpMethod.POST, uri, body);
    }

    public static FullHttpRequest get(String uri) {
        return request(HttpMethod.GET, uri, null);
    }

    /** Writes {@code request} in and returns the one complete response it produced. */
    public static FullHttpResponse exchange(EmbeddedChannel channel, FullHttpRequest request) {
        channel.writeInbound(request);
        channel.runPendingTasks();
        return channel.readOutbound();
    }

    public static String body(FullHttpResponse response) {
        return response.content().toString(StandardCharsets.UTF_8);
    }

    public static JsonNode json(FullHttpResponse response) {
        try {
            return JSON.readTree(body(response));
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body(response), e);
        }
    }

    /** The content's text; releases the content. */
    public static String text(io.netty.handler.codec.http.HttpContent content) {
        try {
            return content.content().toString(StandardCharsets.UTF_8);
        } finally {
            content.release();
        }
    }

    /** Reads and releases the next outbound message. */
    public static void skipOutbound(EmbeddedChannel channel) {
        io.netty.util.ReferenceCountUtil.release(channel.readOutbound());
    }
}
