package dev.gearbox.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Timeouts;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A keep-alive connection the server drops just as the client reuses it: the request never
 * reached the application, so the client retries once on a fresh connection.
 */
class StaleConnectionRetryTest {
    private static final Timeouts TIMEOUTS = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(3000));
    private EventLoopGroup group;
    private ServerSocket server;
    private Thread serverThread;

    @BeforeEach
    void start() throws IOException {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        serverThread = new Thread(this::serve, "stale-connection-server");
        serverThread.setDaemon(true);
        serverThread.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        serverThread.join(2000);
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    /** First connection: answers one request, then drops the second unanswered. Later connections answer. */
    private void serve() {
        try (Socket first = server.accept()) {
            readRequest(first.getInputStream());
            respond(first.getOutputStream(), "one");
            readRequest(first.getInputStream());
            first.setSoLinger(true, 0);
        } catch (IOException e) {
            return;
        }
        while (!server.isClosed()) {
            try (Socket next = server.accept()) {
                readRequest(next.getInputStream());
                respond(next.getOutputStream(), "two");
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("client went away");
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase();
        int at = headers.indexOf("content-length:");
        int length = at < 0 ? 0 : Integer.parseInt(headers.substring(at + 15, headers.indexOf("\r\n", at)).trim());
        in.readNBytes(length);
    }

    private static void respond(OutputStream out, String body) throws IOException {
        out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Test
    void retriesOnceOnAFreshConnection() throws Exception {
        try (UpstreamHttpClient client = new UpstreamHttpClient(group, UpstreamTransport.NIO, PoolSettings.DEFAULT,
                UpstreamHttpClient.defaultSslContext())) {
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/x");

            RecordingListener first = new RecordingListener(group);
            client.send(UpstreamRequest.post(uri, Map.of(), "a".getBytes(StandardCharsets.UTF_8)), TIMEOUTS, first);
            assertThat(first.await().body()).isEqualTo("one");

            RecordingListener second = new RecordingListener(group);
            client.send(UpstreamRequest.post(uri, Map.of(), "b".getBytes(StandardCharsets.UTF_8)), TIMEOUTS, second);

            assertThat(second.await().error).isNull();
            assertThat(second.body()).isEqualTo("two");
            assertThat(client.connectionsOpened()).isEqualTo(2);
        }
    }
}
