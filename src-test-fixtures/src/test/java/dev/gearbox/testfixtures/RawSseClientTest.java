package dev.gearbox.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RawSseClientTest {

    /** Answers one connection with the given raw bytes after reading the request head. */
    private static URI serveOnce(ServerSocket server, String raw) {
        CompletableFuture.runAsync(() -> {
            try (Socket s = server.accept()) {
                s.getInputStream().read(new byte[8192]);
                OutputStream out = s.getOutputStream();
                out.write(raw.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/v1/chat/completions");
    }

    @Test
    void decodesChunkedBodiesIntoLinesEvenWhenALineSpansChunks() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String raw = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "7\r\ndata: {\r\n" + "6\r\n\"a\":1}\r\n" + "2\r\n\n\n\r\n" + "0\r\n\r\n";
            List<String> lines = new ArrayList<>();
            RawSseClient.post(serveOnce(server, raw), "{}", null, lines::add);
            assertThat(lines).containsExactly("data: {\"a\":1}", "");
        }
    }

    @Test
    void rejectsANon200Answer() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            URI url = serveOnce(server, "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n");
            assertThatThrownBy(() -> RawSseClient.post(url, "{}", null, line -> true))
                    .isInstanceOf(IOException.class).hasMessageContaining("503");
        }
    }
}
