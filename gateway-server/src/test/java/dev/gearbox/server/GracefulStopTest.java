package dev.gearbox.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping drains: a request in flight still gets its answer, then the listener is gone. */
class GracefulStopTest {

    /** Answers when the test says so. */
    private static final class HeldProvider implements ChatProvider {
        final CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
        final CompletableFuture<Void> called = new CompletableFuture<>();

        @Override
        public CompletableFuture<ChatResponse> complete(ChatRequest request) {
            called.complete(null);
            return answer;
        }

        @Override
        public StreamHandle stream(ChatRequest request, ChunkSink sink) {
            sink.onChunk(new ChatChunk("c", 0, "m", List.of(), null, null, Map.of()));
            sink.onComplete();
            return () -> { };
        }
    }

    @Test
    void aRequestInFlightIsAnsweredBeforeTheServerStops() throws Exception {
        HeldProvider provider = new HeldProvider();
        GearboxConfig config = new GearboxConfig(new ServerConfig("127.0.0.1", 0, 65_536, Duration.ofSeconds(30), false),
                List.of(new DeploymentConfig("held", ProviderKind.SIMULATOR, null, null, "m", null, null, null,
                        SimulatorSettings.DEFAULT)),
                Map.of(Tier.FAST, new TierConfig(List.of("held"))), new RoutingConfig(Tier.FAST, false));
        GearboxApp app = GearboxApp.start(config, context -> d -> provider, Clock.systemUTC());
        URI uri = URI.create("http://127.0.0.1:" + app.port() + "/v1/chat/completions");
        HttpClient http = HttpClient.newHttpClient();

        CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(HttpRequest.newBuilder(uri)
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        provider.called.get(5, TimeUnit.SECONDS);

        CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> {
            try {
                app.stop(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (app.state().phase() != ServerState.Phase.DRAINING && !stopping.isDone()) {
            Thread.onSpinWait();
        }
        assertThat(stopping).as("waits for the request in flight").isNotDone();

        provider.answer.complete(new ChatResponse("chatcmpl-1", 0, "m",
                List.of(new Choice(0, Message.of(Role.ASSISTANT, "last words"), "stop", null)), null, null, Map.of()));

        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("last words");
        assertThat(response.headers().firstValue("connection")).hasValue("close");
        stopping.get(10, TimeUnit.SECONDS);
        assertThat(app.state().phase()).isEqualTo(ServerState.Phase.STOPPED);
        CompletableFuture<HttpResponse<String>> afterStop = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(afterStop).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(ConnectException.class);
    }
}
