package dev.gearbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ServerStateTest {
    @Test
    void drainingWaitsForRequestsInFlight() throws Exception {
        ServerState state = new ServerState();
        state.requestStarted();
        CompletableFuture<Boolean> drained = CompletableFuture.supplyAsync(() -> {
            try {
                return state.awaitDrained(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(drained).isNotDone();

        state.requestFinished();

        assertThat(drained.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void drainingGivesUpAfterTheGracePeriod() throws Exception {
        ServerState state = new ServerState();
        state.requestStarted();

        assertThat(state.awaitDrained(Duration.ofMillis(20))).isFalse();
        assertThat(state.inFlight()).isEqualTo(1);
    }

    @Test
    void phases() {
        ServerState state = new ServerState();
        assertThat(state.serving()).isFalse();
        state.moveTo(ServerState.Phase.SERVING);
        assertThat(state.serving()).isTrue();
        assertThat(state.draining()).isFalse();
        state.moveTo(ServerState.Phase.DRAINING);
        assertThat(state.serving()).isFalse();
        assertThat(state.draining()).isTrue();
    }
}
