package dev.gearbox.providers.http;

import dev.gearbox.config.Timeouts;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.dns.DnsAddressResolverGroup;
import io.netty.resolver.dns.DnsNameResolverBuilder;
import io.netty.util.concurrent.EventExecutor;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLException;

/**
 * Non-blocking HTTP/1.1 client for upstream APIs, running on an event loop group it shares
 * (the server's) and does not own. Connections are pooled per origin and kept alive; https
 * uses the JDK TLS provider with SNI and hostname verification; DNS is resolved
 * asynchronously so no lookup blocks a loop. Responses are streamed to a
 * {@link ResponseListener} as they arrive.
 */
public final class UpstreamHttpClient implements AutoCloseable {
    private final EventLoopGroup group;
    private final PoolSettings poolSettings;
    private final ChannelConnector connector;
    private final AddressResolverGroup<? extends SocketAddress> resolver;
    private final LongSupplier nanoTime;
    private final ConcurrentMap<Origin, OriginPool> pools = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /** A client with the group's transport, default pool bounds, verified TLS and async DNS. */
    public UpstreamHttpClient(EventLoopGroup group) {
        this(group, UpstreamTransport.forGroup(group), PoolSettings.DEFAULT, defaultSslContext());
    }

    public UpstreamHttpClient(EventLoopGroup group, UpstreamTransport transport, PoolSettings poolSettings,
                              SslContext sslContext) {
        this(group, transport, poolSettings, sslContext, dnsResolver(transport), System::nanoTime);
    }

    UpstreamHttpClient(EventLoopGroup group, UpstreamTransport transport, PoolSettings poolSettings,
                       SslContext sslContext, AddressResolverGroup<? extends SocketAddress> resolver,
                       LongSupplier nanoTime) {
        this.group = group;
        this.poolSettings = poolSettings;
        this.resolver = resolver;
        this.nanoTime = nanoTime;
        this.connector = new ChannelConnector(transport, sslContext, resolver);
    }

    /** The TLS context every upstream gets unless one is injected: JDK provider, hostname verification on. */
    public static SslContext defaultSslContext() {
        try {
            return SslContextBuilder.forClient()
                    .sslProvider(SslProvider.JDK)
                    .endpointIdentificationAlgorithm("HTTPS")
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot create the upstream TLS context", e);
        }
    }

    /**
     * Sends {@code request} and streams the response to {@code listener}. Never blocks: the
     * connect, the write and every callback happen on event loop threads.
     */
    public UpstreamCall send(UpstreamRequest request, Timeouts timeouts, ResponseListener listener) {
        if (closed) {
            throw new IllegalStateException("upstream client is closed");
        }
        Origin origin = Origin.of(request.uri());
        OriginPool pool = pools.computeIfAbsent(origin, o -> new OriginPool(o, connector, poolSettings, nanoTime));
        EventLoop callerLoop = callerLoop();
        Exchange exchange = new Exchange(request, timeouts == null ? Timeouts.DEFAULT : timeouts, listener, pool,
                callerLoop != null ? callerLoop : group.next(), callerLoop != null);
        exchange.start();
        return exchange;
    }

    /** Connections opened since start; with keep-alive, fewer than the requests sent. */
    public long connectionsOpened() {
        return connector.connectionsOpened();
    }

    /** Connections currently open (busy or idle) across all origins. */
    public int openConnections() {
        return pools.values().stream().mapToInt(OriginPool::openConnections).sum();
    }

    /** Connections currently idle in the pools, ready for reuse. */
    public int idleConnections() {
        return pools.values().stream().mapToInt(OriginPool::idleConnections).sum();
    }

    /** Closes all upstream connections; the shared event loop group stays up (the server owns it). */
    @Override
    public void close() {
        closed = true;
        List<OriginPool> all = new ArrayList<>(pools.values());
        pools.clear();
        all.forEach(OriginPool::close);
        resolver.close();
    }

    /**
     * The caller's own loop when it is one of the group's (a server connection handing off its
     * request): the exchange then stays on that thread, connection included; null otherwise.
     */
    private EventLoop callerLoop() {
        for (EventExecutor executor : group) {
            if (executor.inEventLoop() && executor instanceof EventLoop loop) {
                return loop;
            }
        }
        return null;
    }

    static AddressResolverGroup<? extends SocketAddress> dnsResolver(UpstreamTransport transport) {
        return new DnsAddressResolverGroup(new DnsNameResolverBuilder()
                .datagramChannelType(transport.datagramChannel()));
    }
}
