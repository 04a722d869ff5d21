package dev.gearbox.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.server.NettyTransport;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The pending-task gauge reads the queued tasks of a group's loops at scrape time. */
class EventLoopMetersTest {

    @Test
    void countsTasksQueuedBehindABusyLoop() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        EventLoopGroup group = NettyTransport.nio().newEventLoopGroup(1, "test-loop");
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            EventLoopMeters.bind(registry, "io", group);
            group.execute(() -> {
                started.countDown();
                try {
                    release.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
            for (int i = 0; i < 3; i++) {
                group.execute(() -> { });
            }

            assertThat(registry.get("gearbox.netty.eventloop.pending.tasks").tag("group", "io").gauge().value())
                    .isEqualTo(3);
        } finally {
            release.countDown();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }
}
