package dev.gearbox.testfixtures;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client over a plain socket for measuring stream latency: it adds almost
 * nothing between a byte arriving and the line it completes being seen, unlike a general client
 * with its own selector thread and buffering. One request per connection; decodes chunked bodies.
 */
final class RawSseClient {

    /** Receives each body line (without the line break) as soon as it is complete. */
    @FunctionalInterface
    interface LineListener {
        /** Returns false to stop reading. */
        boolean onLine(String line);
    }

    private RawSseClient() {
    }

    static void post(URI url, String jsonBody, String apiKey, LineListener listener) throws IOException {
        byte[] body = jsonBody.getBytes(StandardCharsets.UTF_8);
        int port = url.getPort() > 0 ? url.getPort() : 80;
        StringBuilder head = new StringBuilder()
                .append("POST ").append(url.getRawPath()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(url.getHost()).append(':').append(port).append("\r\n")
                .append("Content-Type: application/json\r\nAccept: text/event-stream\r\nConnection: close\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        if (apiKey != null) {
            head.append("Authorization: Bearer ").append(apiKey).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(url.getHost(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            String status = readLine(in);
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException("unexpected response: " + status);
            }
            boolean chunked = false;
            for (String h = readLine(in); !h.isEmpty(); h = readLine(in)) {
                String lower = h.toLowerCase(Locale.ROOT);
                chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            }
            LineAssembler lines = new LineAssembler(listener);
            if (chunked) {
                readChunked(in, lines);
            } else {
                byte[] buf = new byte[8192];
                for (int n = in.read(buf); n >= 0 && lines.feed(buf, n); n = in.read(buf)) {
                    // each read feeds complete lines to the listener
                }
            }
        }
    }

    private static void readChunked(InputStream in, LineAssembler lines) throws IOException {
        byte[] buf = new byte[8192];
        while (true) {
            String sizeLine = readLine(in);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16);
            if (size == 0) {
                return;
            }
            while (size > 0) {
                int n = in.read(buf, 0, Math.min(buf.length, size));
                if (n < 0) {
                    throw new EOFException("the stream ended inside a chunk");
                }
                size -= n;
                if (!lines.feed(buf, n)) {
                    return;
                }
            }
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Cuts body bytes into lines across chunk boundaries. */
    private static final class LineAssembler {
        private final LineListener listener;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream(512);

        LineAssembler(LineListener listener) {
            this.listener = listener;
        }

        boolean feed(byte[] buf, int length) {
            for (int i = 0; i < length; i++) {
                byte b = buf[i];
                if (b == '\n') {
                    String line = current.toString(StandardCharsets.UTF_8);
                    current.reset();
                    if (!listener.onLine(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line)) {
                        return false;
                    }
                } else {
                    current.write(b);
                }
            }
            return true;
        }
    }
}
