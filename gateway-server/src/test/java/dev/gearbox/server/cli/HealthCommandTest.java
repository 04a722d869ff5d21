package dev.gearbox.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gearbox.server.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HealthCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private HttpServer server;
    private volatile int readyStatus = 200;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health/ready", exchange -> {
            byte[] body = (readyStatus == 200 ? "ready" : "draining").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(readyStatus, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private String readyUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/health/ready";
    }

    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void exitsZeroWhenTheGatewayAnswers200() {
        int code = run("health", "--url", readyUrl());

        assertThat(code).as(err.toString()).isEqualTo(HealthCommand.EXIT_READY);
        assertThat(out.toString()).contains("ready: " + readyUrl() + " answered 200");
    }

    @Test
    void exitsOneWhileTheGatewayDrains() {
        readyStatus = 503;

        int code = run("health", "--url", readyUrl());

        assertThat(code).isEqualTo(HealthCommand.EXIT_NOT_READY);
        assertThat(err.toString()).contains("not ready: " + readyUrl() + " answered 503");
    }

    @Test
    void exitsOneWhenNothingListens() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        int code = run("health", "--url", "http://127.0.0.1:" + closedPort + "/health/ready", "--timeout-ms", "500");

        assertThat(code).isEqualTo(HealthCommand.EXIT_NOT_READY);
        assertThat(err.toString()).startsWith("not ready: http://127.0.0.1:" + closedPort);
    }

    @Test
    void rejectsAUrlThatIsNotHttp() {
        int code = run("health", "--url", "ftp://127.0.0.1/health/ready");

        assertThat(code).isEqualTo(HealthCommand.EXIT_BAD_USAGE);
        assertThat(err.toString().strip()).isEqualTo("--url: must be an absolute http(s) URL, got \"ftp://127.0.0.1/health/ready\"");
    }

    @Test
    void rejectsANonPositiveTimeout() {
        int code = run("health", "--url", readyUrl(), "--timeout-ms", "0");

        assertThat(code).isEqualTo(HealthCommand.EXIT_BAD_USAGE);
        assertThat(err.toString().strip()).isEqualTo("--timeout-ms: must be positive, got 0");
    }
}
