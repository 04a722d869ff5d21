package dev.gearbox.server;

import dev.gearbox.config.ServerConfig;
import dev.gearbox.server.http.ExchangeServices;
import dev.gearbox.server.http.GearboxChannelInitializer;
import dev.gearbox.server.http.RouteTable;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener: binds the configured host and port (0 picks a free port, see {@link #port()})
 * on the given event loops, and stops gracefully: readiness turns 503, the listener closes, requests
 * in flight get a grace period, then every connection closes. The event loops belong to the caller.
 */
public final class GearboxServer {
    private static final Logger LOG = LoggerFactory.getLogger(GearboxServer.class);

    private final ServerConfig config;
    private final NettyTransport transport;
    private final EventLoopGroup acceptors;
    private final EventLoopGroup workers;
    private final RouteTable routes;
    private final ExchangeServices services;
    private final ChannelGroup openChannels = new DefaultChannelGroup("gearbox-clients", GlobalEventExecutor.INSTANCE);
    private Channel listener;

    public GearboxServer(ServerConfig config, NettyTransport transport, EventLoopGroup acceptors,
                         EventLoopGroup workers, RouteTable routes, ExchangeServices services) {
        this.config = config;
        this.transport = transport;
        this.acceptors = acceptors;
        this.workers = workers;
        this.routes = routes;
        this.services = services;
    }

    /**
     * Binds and starts serving; blocks the calling thread (never an event loop) until bound.
     * Fails with IllegalStateException when the address cannot be bound (port in use).
     */
    public synchronized void start() throws InterruptedException {
        if (listener != null) {
            throw new IllegalStateException("server already started");
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(acceptors, workers)
                .channel(transport.serverChannelType())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new GearboxChannelInitializer(config.idleTimeout(), config.maxBodyBytes(), routes,
                        services, openChannels));
        ChannelFuture bound = bootstrap.bind(config.host(), config.port()).await();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("cannot listen on " + config.host() + ":" + config.port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        listener = bound.channel();
        services.state().moveTo(ServerState.Phase.SERVING);
        LOG.info("Gearbox listening on {}:{} ({} transport)", config.host(), port(), transport.name());
    }

    /** The bound port; with port 0 in the config, the one the OS picked. */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("server not started");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public ServerState state() {
        return services.state();
    }

    /**
     * Stops accepting connections and waits up to {@code grace} for requests in flight, then
     * closes every client connection. Idempotent; call it from a non-event-loop thread.
     */
    public synchronized void stop(Duration grace) throws InterruptedException {
        if (listener == null || services.state().phase() == ServerState.Phase.STOPPED) {
            services.state().moveTo(ServerState.Phase.STOPPED);
            return;
        }
        services.state().moveTo(ServerState.Phase.DRAINING);
        listener.close().sync();
        boolean drained = services.state().awaitDrained(grace);
        if (!drained) {
            LOG.warn("{} request(s) still in flight after {} ms; closing their connections",
                    services.state().inFlight(), grace.toMillis());
        }
        openChannels.close().awaitUninterruptibly(grace.toMillis());
        services.state().moveTo(ServerState.Phase.STOPPED);
        LOG.info("Gearbox stopped");
    }
}
