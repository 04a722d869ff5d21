package dev.gearbox.server.e2e;

import static dev.gearbox.server.e2e.EndToEnd.mock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.server.GearboxProviders;
import dev.gearbox.testfixtures.MockUpstreamServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that goes away cancels its upstream request: the mock upstream sees its connection
 * close, both while Gearbox still waits for the first byte and in the middle of a relayed stream.
 */
class ClientDisconnectEndToEndTest {
    private static MockUpstreamServer upstream;
    private static GearboxApp app;

    @BeforeAll
    static void start() throws Exception {
        upstream = MockUpstreamServer.start();
        GearboxConfig config = new GearboxConfig(EndToEnd.server(1 << 20),
                List.of(mock(upstream, "hanging", "hang"), mock(upstream, "dribbling", "stream-slow-300")),
                Map.of(Tier.FAST, new TierConfig(List.of("hanging", "dribbling"))),
                new RoutingConfig(Tier.FAST, false));
        app = GearboxApp.start(config, GearboxProviders::factory, Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop(Duration.ofSeconds(1));
        upstream.close();
    }

    @BeforeEach
    void noUpstreamConnectionLeftOpen() throws Exception {
        assertThat(EndToEnd.eventually(Duration.ofSeconds(2), () -> upstream.openConnections() == 0)).isTrue();
    }

    private static Socket sendRequest(String model, boolean stream) throws Exception {
        String body = "{\"model\":\"" + model + "\",\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Socket socket = new Socket("127.0.0.1", app.port());
        socket.setSoTimeout(5_000);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + EndToEnd.CLIENT_KEY + "\r\nContent-Length: " + bytes.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }

    @Test
    void closingBeforeTheFirstByteCancelsTheUpstreamRequest() throws Exception {
        long before = upstream.requestCount("hang");
        try (Socket socket = sendRequest("hanging", true)) {
            assertThat(EndToEnd.eventually(Duration.ofSeconds(2),
                    () -> upstream.requestCount("hang") == before + 1 && upstream.openConnections() == 1)).isTrue();
        }

        assertThat(EndToEnd.eventually(Duration.ofSeconds(1), () -> upstream.openConnections() == 0))
                .as("the upstream connection closes within a second of the client leaving").isTrue();
    }

    @Test
    void closingWhileWaitingForACompletionCancelsTheUpstreamRequest() throws Exception {
        long before = upstream.requestCount("hang");
        try (Socket socket = sendRequest("hanging", false)) {
            assertThat(EndToEnd.eventually(Duration.ofSeconds(2),
                    () -> upstream.requestCount("hang") == before + 1 && upstream.openConnections() == 1)).isTrue();
        }

        assertThat(EndToEnd.eventually(Duration.ofSeconds(1), () -> upstream.openConnections() == 0))
                .as("the upstream connection closes within a second of the client leaving").isTrue();
    }

    @Test
    void closingInTheMiddleOfAStreamCancelsTheUpstreamRequest() throws Exception {
        try (Socket socket = sendRequest("dribbling", true)) {
            InputStream in = socket.getInputStream();
            String received = "";
            byte[] buffer = new byte[4096];
            while (!received.contains("data: ")) {
                int n = in.read(buffer);
                assertThat(n).as("the stream started").isPositive();
                received += new String(buffer, 0, n, StandardCharsets.UTF_8);
            }
            assertThat(received).startsWith("HTTP/1.1 200");
            assertThat(upstream.openConnections()).isEqualTo(1);
        }

        assertThat(EndToEnd.eventually(Duration.ofSeconds(1), () -> upstream.openConnections() == 0))
                .as("the upstream connection closes within a second of the client leaving").isTrue();
    }
}
