package dev.gearbox.providers.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;

/**
 * The last handler of every upstream connection. While a connection has no exchange attached,
 * anything the server sends is unexpected (a late body, an error page before a close): the
 * message is released and the connection closed, so a pooled connection is never left in an
 * unknown state.
 */
@ChannelHandler.Sharable
final class IdleChannelGuard extends ChannelInboundHandlerAdapter {
    static final String NAME = "gearbox-idle-guard";
    static final IdleChannelGuard INSTANCE = new IdleChannelGuard();

    private IdleChannelGuard() {
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ReferenceCountUtil.release(msg);
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
