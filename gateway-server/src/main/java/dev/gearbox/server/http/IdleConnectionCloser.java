package dev.gearbox.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;

/**
 * Closes a connection that saw no traffic for the idle timeout, unless a request on it is still
 * waiting for its upstream (a long non-streamed answer is not an idle client).
 */
public final class IdleConnectionCloser extends ChannelInboundHandlerAdapter {
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            if (ConnectionExchanges.of(ctx.channel()).isIdle()) {
                ctx.close();
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }
}
