package dev.gearbox.testfixtures;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fast, scripted, OpenAI-compatible mock upstream on Netty. {@code POST /v1/chat/completions}
 * (or {@code /chat/completions}) behaves as the request's {@code model} names, see
 * {@link MockBehavior}. Every request is recorded (bounded) and counted per model, so tests can
 * assert on what a client forwarded, e.g. that the caller's Authorization never reached it.
 */
public final class MockUpstreamServer implements AutoCloseable {

    /**
     * @param host           address to bind (loopback by default)
     * @param port           0 picks a free port
     * @param ioThreads      event-loop threads
     * @param recordCapacity how many recent requests to keep; 0 only counts them (benchmarks)
     */
    public record Options(String host, int port, int ioThreads, int recordCapacity) {
        public static final Options DEFAULT = new Options("127.0.0.1", 0, 1, 1000);

        public Options withPort(int newPort) {
            return new Options(host, newPort, ioThreads, recordCapacity);
        }
    }

    private final EventLoopGroup group;
    private final Channel serverChannel;
    private final RequestLog log;
    private final AtomicInteger openConnections;

    private MockUpstreamServer(EventLoopGroup group, Channel serverChannel, RequestLog log,
                               AtomicInteger openConnections) {
        this.group = group;
        this.serverChannel = serverChannel;
        this.log = log;
        this.openConnections = openConnections;
    }

    /** Starts on a free loopback port. */
    public static MockUpstreamServer start() {
        return start(Options.DEFAULT);
    }

    public static MockUpstreamServer start(Options options) {
        RequestLog log = new RequestLog(options.recordCapacity());
        MockUpstreamHandler handler = new MockUpstreamHandler(log);
        AtomicInteger openConnections = new AtomicInteger();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(options.ioThreads(), NioIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            openConnections.incrementAndGet();
                            ch.closeFuture().addListener(f -> openConnections.decrementAndGet());
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(16 * 1024 * 1024),
                                    handler);
                        }
                    })
                    .bind(options.host(), options.port())
                    .sync()
                    .channel();
            return new MockUpstreamServer(group, channel, log, openConnections);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("interrupted while binding the mock upstream", e);
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** The base URL a provider is configured with: {@code http://127.0.0.1:<port>/v1}. */
    public URI baseUrl() {
        InetSocketAddress a = (InetSocketAddress) serverChannel.localAddress();
        return URI.create("http://" + a.getHostString() + ":" + a.getPort() + "/v1");
    }

    /** The most recent requests, oldest first. */
    public List<RecordedRequest> requests() {
        return log.recent();
    }

    /** How many chat requests named this model. */
    public long requestCount(String model) {
        return log.requests(model);
    }

    /** Requests per model name. */
    public Map<String, Long> requestCounts() {
        return log.counts();
    }

    /**
     * Client connections open right now. A test that a caller cancels its upstream request
     * (e.g. to {@code hang}) waits for this to drop: the mock sees the connection close.
     */
    public int openConnections() {
        return openConnections.get();
    }

    /** Forgets recorded requests and counts (between tests). */
    public void reset() {
        log.clear();
    }

    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
