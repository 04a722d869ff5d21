package dev.gearbox.providers.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContentDecompressor;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Opens ready-to-use upstream connections: TCP connect (bounded by the connect timeout), then
 * for https the TLS handshake (SNI and hostname verification come from the context and the
 * peer host), with the HTTP/1.1 codec and decompression installed. The future completes only
 * when the connection can carry a request.
 */
final class ChannelConnector {
    private final UpstreamTransport transport;
    private final SslContext sslContext;
    private final AddressResolverGroup<? extends SocketAddress> resolver;
    private final AtomicLong opened = new AtomicLong();

    ChannelConnector(UpstreamTransport transport, SslContext sslContext,
                     AddressResolverGroup<? extends SocketAddress> resolver) {
        this.transport = transport;
        this.sslContext = sslContext;
        this.resolver = resolver;
    }

    Future<Channel> connect(Origin origin, EventLoop loop, Duration connectTimeout) {
        Promise<Channel> ready = loop.newPromise();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, connectTimeout.toMillis()));
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(transport.socketChannel())
                .resolver(resolver)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (origin.secure()) {
                            SslHandler ssl = sslContext.newHandler(ch.alloc(), origin.host(), origin.port());
                            ssl.setHandshakeTimeoutMillis(timeoutMillis);
                            p.addLast("ssl", ssl);
                        }
                        p.addLast("http", new HttpClientCodec());
                        p.addLast("decompress", new HttpContentDecompressor(0));
                        p.addLast(IdleChannelGuard.NAME, IdleChannelGuard.INSTANCE);
                    }
                });
        bootstrap.connect(origin.host(), origin.port()).addListener((ChannelFuture connected) -> {
            if (!connected.isSuccess()) {
                ready.tryFailure(connected.cause());
                return;
            }
            Channel ch = connected.channel();
            opened.incrementAndGet();
            SslHandler ssl = ch.pipeline().get(SslHandler.class);
            if (ssl == null) {
                ready.trySuccess(ch);
                return;
            }
            ssl.handshakeFuture().addListener(handshake -> {
                if (handshake.isSuccess()) {
                    ready.trySuccess(ch);
                } else {
                    ch.close();
                    ready.tryFailure(handshake.cause());
                }
            });
        });
        return ready;
    }

    /** Connections opened since start: lets tests and metrics see keep-alive reuse. */
    long connectionsOpened() {
        return opened.get();
    }
}
