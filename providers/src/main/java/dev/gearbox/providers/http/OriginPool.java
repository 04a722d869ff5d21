package dev.gearbox.providers.http;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Keep-alive connections to one origin: at most {@code maxConnections} open, idle ones reused
 * newest first, and up to {@code maxPending} requests waiting for a free connection. State is
 * guarded by the pool's monitor; promises are completed and channels closed outside it, so no
 * callback ever runs while the lock is held.
 *
 * <p>Idle connections are kept per event loop. A request made on an event loop (a server
 * connection forwarding its request) gets a connection of that same loop when one is idle, or a
 * new one opened there while the pool has room, so the upstream write, the response and the reply
 * to the client all run on one thread with no hand-off; only a full pool lends a connection of
 * another loop.
 */
final class OriginPool {
    private final Origin origin;
    private final ChannelConnector connector;
    private final PoolSettings settings;
    private final LongSupplier nanoTime;

    private final Map<EventLoop, ArrayDeque<IdleChannel>> idleByLoop = new IdentityHashMap<>();
    private final ArrayDeque<Waiter> waiters = new ArrayDeque<>();
    private final Set<Channel> open = new HashSet<>();
    private int connecting;
    private boolean closed;

    OriginPool(Origin origin, ChannelConnector connector, PoolSettings settings, LongSupplier nanoTime) {
        this.origin = origin;
        this.connector = connector;
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /**
     * A connection for one exchange, preferring an idle one. With {@code sameLoop} (the caller
     * runs on {@code loop}) a connection of {@code loop} is preferred, idle or newly opened, over
     * an idle one of another loop. Cancelling the returned future gives up the request's place in
     * the queue; a connection that arrives anyway is kept.
     */
    Future<PooledChannel> acquire(EventLoop loop, boolean sameLoop, Duration connectTimeout) {
        Promise<PooledChannel> promise = loop.newPromise();
        List<Channel> expired = new ArrayList<>();
        Channel reusable = null;
        boolean connect = false;
        GatewayException refusal = null;
        synchronized (this) {
            if (closed) {
                refusal = new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "upstream client is closed");
            } else {
                reusable = sameLoop ? takeIdleOn(loop, expired) : null;
                if (reusable == null && !(sameLoop && hasRoom())) {
                    reusable = takeNewestIdle(expired);
                }
                if (reusable == null) {
                    if (hasRoom()) {
                        connecting++;
                        connect = true;
                    } else if (waiters.size() < settings.maxPending()) {
                        waiters.add(new Waiter(promise, loop, connectTimeout));
                    } else {
                        refusal = new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "connection pool for "
                                + origin.authority() + " is saturated (" + settings.maxConnections()
                                + " connections busy, " + settings.maxPending() + " requests waiting)");
                    }
                }
            }
        }
        expired.forEach(Channel::close);
        if (refusal != null) {
            promise.setFailure(refusal);
        } else if (reusable != null) {
            promise.setSuccess(new PooledChannel(reusable, true));
        } else if (connect) {
            connect(loop, connectTimeout, promise);
        } else {
            promise.addListener(f -> {
                if (f.isCancelled()) {
                    forget(promise);
                }
            });
        }
        return promise;
    }

    /**
     * Takes back a connection after its exchange. Only a connection that finished a complete
     * keep-alive response is {@code reusable}; any other is closed, since its state is unknown.
     */
    void release(Channel channel, boolean reusable) {
        if (!reusable || !channel.isActive()) {
            channel.close();
            return;
        }
        while (true) {
            Waiter next;
            synchronized (this) {
                if (closed) {
                    next = null;
                } else {
                    next = waiters.poll();
                    if (next == null) {
                        idleByLoop.computeIfAbsent(channel.eventLoop(), l -> new ArrayDeque<>())
                                .push(new IdleChannel(channel, nanoTime.getAsLong()));
                        return;
                    }
                }
            }
            if (next == null) {
                channel.close();
                return;
            }
            if (next.promise().trySuccess(new PooledChannel(channel, true))) {
                return;
            }
        }
    }

    synchronized int openConnections() {
        return open.size();
    }

    synchronized int idleConnections() {
        int count = 0;
        for (ArrayDeque<IdleChannel> idle : idleByLoop.values()) {
            count += idle.size();
        }
        return count;
    }

    /** Closes every connection and fails every waiting request. */
    void close() {
        List<Channel> channels;
        List<Waiter> abandoned;
        synchronized (this) {
            closed = true;
            channels = new ArrayList<>(open);
            abandoned = new ArrayList<>(waiters);
            waiters.clear();
            idleByLoop.clear();
        }
        GatewayException closedError = new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "upstream client is closed");
        abandoned.forEach(w -> w.promise().tryFailure(closedError));
        channels.forEach(Channel::close);
    }

    private boolean hasRoom() {
        return open.size() + connecting < settings.maxConnections();
    }

    /** The newest usable idle connection of {@code loop}; unusable ones met on the way go to {@code expired}. */
    private Channel takeIdleOn(EventLoop loop, List<Channel> expired) {
        ArrayDeque<IdleChannel> idle = idleByLoop.get(loop);
        if (idle == null) {
            return null;
        }
        dropUnusable(idle, nanoTime.getAsLong(), expired);
        IdleChannel newest = idle.poll();
        return newest == null ? null : newest.channel();
    }

    /** The newest usable idle connection of any loop. */
    private Channel takeNewestIdle(List<Channel> expired) {
        long now = nanoTime.getAsLong();
        ArrayDeque<IdleChannel> best = null;
        for (ArrayDeque<IdleChannel> idle : idleByLoop.values()) {
            dropUnusable(idle, now, expired);
            IdleChannel head = idle.peek();
            if (head != null && (best == null || head.since() - best.peek().since() > 0)) {
                best = idle;
            }
        }
        return best == null ? null : best.poll().channel();
    }

    /** Removes closed or too-long-idle connections from the head (newest end) of {@code idle}. */
    private void dropUnusable(ArrayDeque<IdleChannel> idle, long now, List<Channel> expired) {
        long maxIdle = settings.maxIdleTime().toNanos();
        IdleChannel head;
        while ((head = idle.peek()) != null
                && !(head.channel().isActive() && now - head.since() <= maxIdle)) {
            expired.add(idle.poll().channel());
        }
    }

    private void connect(EventLoop loop, Duration connectTimeout, Promise<PooledChannel> promise) {
        connector.connect(origin, loop, connectTimeout).addListener((Future<Channel> f) -> {
            if (!f.isSuccess()) {
                synchronized (this) {
                    connecting--;
                }
                promise.tryFailure(f.cause());
                serveWaiters();
                return;
            }
            Channel channel = f.getNow();
            boolean accepted;
            synchronized (this) {
                connecting--;
                accepted = !closed;
                if (accepted) {
                    open.add(channel);
                }
            }
            if (!accepted) {
                channel.close();
                promise.tryFailure(new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE, "upstream client is closed"));
                return;
            }
            channel.closeFuture().addListener(closed -> onClosed(channel));
            if (!promise.trySuccess(new PooledChannel(channel, false))) {
                release(channel, true);
            }
        });
    }

    private void onClosed(Channel channel) {
        synchronized (this) {
            open.remove(channel);
            ArrayDeque<IdleChannel> idle = idleByLoop.get(channel.eventLoop());
            if (idle != null) {
                idle.removeIf(i -> i.channel() == channel);
            }
        }
        serveWaiters();
    }

    /** A slot freed up (a connection closed or a connect failed): open one for the next waiter. */
    private void serveWaiters() {
        Waiter next = null;
        synchronized (this) {
            Iterator<Waiter> it = waiters.iterator();
            while (it.hasNext() && next == null) {
                Waiter w = it.next();
                if (w.promise().isDone()) {
                    it.remove();
                } else if (!closed && hasRoom()) {
                    it.remove();
                    connecting++;
                    next = w;
                } else {
                    return;
                }
            }
        }
        if (next != null) {
            connect(next.loop(), next.connectTimeout(), next.promise());
        }
    }

    private synchronized void forget(Promise<PooledChannel> promise) {
        waiters.removeIf(w -> w.promise() == promise);
    }

    private record IdleChannel(Channel channel, long since) {
    }

    private record Waiter(Promise<PooledChannel> promise, EventLoop loop, Duration connectTimeout) {
    }
}
