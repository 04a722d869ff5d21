package dev.gearbox.providers.http;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The channel classes that match an event loop group's I/O type: a client channel must be
 * registered on a loop of its own kind, so the transport follows the group it shares.
 */
public record UpstreamTransport(
        String name,
        Class<? extends SocketChannel> socketChannel,
        Class<? extends DatagramChannel> datagramChannel) {

    public static final UpstreamTransport NIO =
            new UpstreamTransport("nio", NioSocketChannel.class, NioDatagramChannel.class);
    public static final UpstreamTransport EPOLL =
            new UpstreamTransport("epoll", EpollSocketChannel.class, EpollDatagramChannel.class);

    /** Epoll when the group runs epoll loops, NIO otherwise. */
    public static UpstreamTransport forGroup(EventLoopGroup group) {
        if (group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class)) {
            return EPOLL;
        }
        return NIO;
    }
}
