package dev.gearbox.providers.http;

import io.netty.channel.Channel;

/** A connection handed out by a pool; {@code reused} when it served an earlier exchange. */
record PooledChannel(Channel channel, boolean reused) {
}
