package dev.gearbox.server.http;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchanges still open on one connection, kept as a channel attribute so the router can
 * cancel them when the client disconnects and the idle closer can leave busy connections alone.
 * Event-loop confined.
 */
public final class ConnectionExchanges {
    private static final AttributeKey<ConnectionExchanges> KEY = AttributeKey.valueOf("gearbox.exchanges");

    private final List<Exchange> open = new ArrayList<>(1);

    public static ConnectionExchanges of(Channel channel) {
        ConnectionExchanges exchanges = channel.attr(KEY).get();
        if (exchanges == null) {
            exchanges = new ConnectionExchanges();
            channel.attr(KEY).set(exchanges);
        }
        return exchanges;
    }

    void add(Exchange exchange) {
        open.removeIf(Exchange::isFinished);
        open.add(exchange);
    }

    public boolean isIdle() {
        open.removeIf(Exchange::isFinished);
        return open.isEmpty();
    }

    void cancelAll() {
        List<Exchange> snapshot = List.copyOf(open);
        open.clear();
        snapshot.forEach(Exchange::cancel);
    }
}
