package dev.gearbox.server.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The pipeline of every client connection, in order: HTTP/1.1 codec, idle timeout, keep-alive
 * bookkeeping, body aggregation with the size limit, router. Keep-alive sits before the
 * aggregator so it also sees the 413 and 100-continue answers the aggregator writes itself.
 */
public final class GearboxChannelInitializer extends ChannelInitializer<Channel> {
    private final Duration idleTimeout;
    private final int maxBodyBytes;
    private final RouteTable routes;
    private final ExchangeServices services;
    private final ChannelGroup openChannels;

    public GearboxChannelInitializer(Duration idleTimeout, int maxBodyBytes, RouteTable routes,
                                     ExchangeServices services, ChannelGroup openChannels) {
        this.idleTimeout = idleTimeout;
        this.maxBodyBytes = maxBodyBytes;
        this.routes = routes;
        this.services = services;
        this.openChannels = openChannels;
    }

    @Override
    protected void initChannel(Channel channel) {
        openChannels.add(channel);
        ChannelPipeline pipeline = channel.pipeline();
        pipeline.addLast("http", new HttpServerCodec());
        pipeline.addLast("idle", new IdleStateHandler(0, 0, idleTimeout.toMillis(), TimeUnit.MILLISECONDS));
        pipeline.addLast("idle-closer", new IdleConnectionCloser());
        pipeline.addLast("keep-alive", new HttpServerKeepAliveHandler());
        pipeline.addLast("body-limit", new BodyLimitAggregator(maxBodyBytes, services.errors(),
                services.requestIds(), services.recorder()));
        pipeline.addLast("router", new RequestRouter(routes, services));
    }
}
