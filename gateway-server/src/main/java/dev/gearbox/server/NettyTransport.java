package dev.gearbox.server;

import io.netty.channel.Channel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The Netty transport in use: native epoll on Linux when its library loads, NIO otherwise. The
 * server and the upstream client share it so their channels can live on the same event loops.
 */
public record NettyTransport(
        String name,
        IoHandlerFactory ioHandlerFactory,
        Class<? extends ServerChannel> serverChannelType,
        Class<? extends Channel> socketChannelType) {

    public static NettyTransport detect() {
        return Epoll.isAvailable() ? epoll() : nio();
    }

    public static NettyTransport epoll() {
        return new NettyTransport("epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class,
                EpollSocketChannel.class);
    }

    public static NettyTransport nio() {
        return new NettyTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class,
                NioSocketChannel.class);
    }

    /** A new event loop group of {@code threads} non-daemon threads named {@code threadNamePrefix-N}. */
    public EventLoopGroup newEventLoopGroup(int threads, String threadNamePrefix) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadNamePrefix, false),
                ioHandlerFactory);
    }
}
