package dev.gearbox.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.server.testing.Samples;
import dev.gearbox.server.testing.ServerHarness;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

class IdleConnectionCloserTest {
    private final ServerHarness harness = new ServerHarness();

    private EmbeddedChannel channel() {
        EmbeddedChannel channel = harness.channel();
        channel.pipeline().addFirst(new IdleConnectionCloser());
        return channel;
    }

    @Test
    void anIdleConnectionIsClosed() {
        EmbeddedChannel channel = channel();

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aConnectionWaitingForItsAnswerIsNotIdle() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(ServerHarness.post("/v1/chat/completions", Samples.CHAT_BODY));

        channel.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_ALL_IDLE_STATE_EVENT);
        assertThat(channel.isOpen()).isTrue();

        harness.gateway.answer.complete(Samples.answer("done"));
        channel.runPendingTasks();
        channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        assertThat(channel.isOpen()).isFalse();
    }
}
