package dev.gearbox.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.gearbox.config.Timeouts;
import dev.gearbox.core.error.ErrorKind;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UpstreamHttpClientTest {
    private static final Timeouts FAST = new Timeouts(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(3000));
    private static EventLoopGroup group;
    private static WireMockServer wireMock;
    private UpstreamHttpClient client;

    @BeforeAll
    static void startServers() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        wireMock = new WireMockServer(options().dynamicPort().dynamicHttpsPort().bindAddress("127.0.0.1").gzipDisabled(true));
        wireMock.start();
    }

    @AfterAll
    static void stopServers() throws Exception {
        wireMock.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        assertThat(LeakReports.collect()).isEmpty();
    }

    @BeforeEach
    void newClient() {
        wireMock.resetAll();
        client = new UpstreamHttpClient(group, UpstreamTransport.forGroup(group),
                new PoolSettings(4, 8, Duration.ofSeconds(30)), UpstreamHttpClient.defaultSslContext());
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + wireMock.port() + path);
    }

    private RecordingListener send(URI uri, Timeouts timeouts) {
        RecordingListener listener = new RecordingListener(group);
        client.send(UpstreamRequest.post(uri, Map.of("X-Test", "yes"), "{\"q\":1}".getBytes(StandardCharsets.UTF_8)),
                timeouts, listener);
        return listener;
    }

    @Test
    void sendsTheRequestAndDeliversStatusHeadersAndBodyOnTheEventLoop() throws Exception {
        wireMock.stubFor(post("/v1/echo?x=1").willReturn(aResponse().withStatus(201)
                .withHeader("X-Upstream", "u").withBody("hello")));

        RecordingListener r = send(url("/v1/echo?x=1"), FAST).await();

        assertThat(r.error).isNull();
        assertThat(r.ended).isTrue();
        assertThat(r.status).isEqualTo(201);
        assertThat(r.headers.get("X-Upstream")).isEqualTo("u");
        assertThat(r.body()).isEqualTo("hello");
        assertThat(r.offLoopCallback).isFalse();
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/echo?x=1"))
                .withHeader("X-Test", equalTo("yes"))
                .withHeader("Host", equalTo("127.0.0.1:" + wireMock.port()))
                .withHeader("Content-Length", equalTo("7"))
                .withRequestBody(equalTo("{\"q\":1}")));
    }

    @Test
    void streamsAChunkedBodyPieceByPiece() throws Exception {
        wireMock.stubFor(post("/stream").willReturn(aResponse().withBody("a".repeat(40))
                .withChunkedDribbleDelay(8, 200)));

        RecordingListener r = send(url("/stream"), FAST).await();

        assertThat(r.ended).isTrue();
        assertThat(r.body()).isEqualTo("a".repeat(40));
        assertThat(r.bodyChunks.get()).isGreaterThan(1);
    }

    @Test
    void decompressesAGzipBody() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("compressed hello".getBytes(StandardCharsets.UTF_8));
        }
        wireMock.stubFor(post("/gz").willReturn(aResponse().withHeader("Content-Encoding", "gzip")
                .withBody(gz.toByteArray())));

        RecordingListener r = send(url("/gz"), FAST).await();

        assertThat(r.body()).isEqualTo("compressed hello");
    }

    @Test
    void reusesTheKeepAliveConnection() throws Exception {
        wireMock.stubFor(post("/a").willReturn(aResponse().withBody("one")));

        assertThat(send(url("/a"), FAST).await().body()).isEqualTo("one");
        assertThat(send(url("/a"), FAST).await().body()).isEqualTo("one");

        assertThat(client.connectionsOpened()).isEqualTo(1);
        assertThat(client.idleConnections()).isEqualTo(1);
    }

    @Test
    void aRequestFromAnEventLoopUsesAConnectionOfThatLoop() throws Exception {
        wireMock.stubFor(post("/a").willReturn(aResponse().withBody("one")));
        EventLoop first = group.next();
        EventLoop second = group.next();

        RecordingListener fromFirst = sendFrom(first).await();
        RecordingListener fromSecond = sendFrom(second).await();
        RecordingListener againFromFirst = sendFrom(first).await();

        assertThat(fromFirst.loops).containsOnly(first);
        assertThat(fromSecond.loops).containsOnly(second);
        assertThat(againFromFirst.loops).containsOnly(first);
        assertThat(client.connectionsOpened()).isEqualTo(2);
        assertThat(client.idleConnections()).isEqualTo(2);
    }

    @Test
    void aFullPoolLendsAnIdleConnectionOfAnotherLoop() throws Exception {
        client.close();
        client = new UpstreamHttpClient(group, UpstreamTransport.forGroup(group),
                new PoolSettings(1, 8, Duration.ofSeconds(30)), UpstreamHttpClient.defaultSslContext());
        wireMock.stubFor(post("/a").willReturn(aResponse().withBody("one")));
        EventLoop first = group.next();
        EventLoop second = group.next();

        sendFrom(first).await();
        RecordingListener fromSecond = sendFrom(second).await();

        assertThat(fromSecond.body()).isEqualTo("one");
        assertThat(fromSecond.loops).containsOnly(first);
        assertThat(client.connectionsOpened()).isEqualTo(1);
    }

    private RecordingListener sendFrom(EventLoop loop) throws Exception {
        return loop.submit(() -> send(url("/a"), FAST)).get(5, TimeUnit.SECONDS);
    }

    @Test
    void anIdleConnectionPastMaxIdleTimeIsNotReused() throws Exception {
        client.close();
        AtomicLong nanos = new AtomicLong();
        client = new UpstreamHttpClient(group, UpstreamTransport.NIO, new PoolSettings(4, 8, Duration.ofSeconds(30)),
                UpstreamHttpClient.defaultSslContext(), UpstreamHttpClient.dnsResolver(UpstreamTransport.NIO), nanos::get);
        wireMock.stubFor(post("/a").willReturn(aResponse().withBody("one")));

        send(url("/a"), FAST).await();
        nanos.addAndGet(Duration.ofSeconds(31).toNanos());
        send(url("/a"), FAST).await();

        assertThat(client.connectionsOpened()).isEqualTo(2);
        assertThat(client.idleConnections()).isEqualTo(1);
    }

    @Test
    void closedPortIsUnavailable() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }

        RecordingListener r = send(URI.create("http://127.0.0.1:" + port + "/x"), FAST).await();

        assertThat(r.error.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(r.error.getMessage()).isEqualTo("connect to 127.0.0.1:" + port + " failed: Connection refused");
        assertThat(r.offLoopCallback).isFalse();
    }

    @Test
    void connectTimeoutWhenTheServerNeverAccepts() throws Exception {
        // a listener whose accept queue is full drops further SYNs, so connect hangs until the timeout
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket();
                    try {
                        s.connect(full.getLocalSocketAddress(), 100);
                    } catch (IOException queueAlreadyFull) {
                        // expected once the queue is full
                    }
                    fillers.add(s);
                }
                RecordingListener r = send(URI.create("http://127.0.0.1:" + full.getLocalPort() + "/x"),
                        new Timeouts(Duration.ofMillis(200), Duration.ofMillis(1000), Duration.ofMillis(3000))).await();

                assertThat(r.error.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
                assertThat(r.error.getMessage()).isEqualTo("connect timeout after 200 ms to 127.0.0.1:" + full.getLocalPort());
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void firstByteTimeoutClosesTheConnection() throws Exception {
        wireMock.stubFor(post("/slow").willReturn(aResponse().withFixedDelay(1500).withBody("late")));

        RecordingListener r = send(url("/slow"),
                new Timeouts(Duration.ofMillis(500), Duration.ofMillis(200), Duration.ofMillis(3000))).await();

        assertThat(r.error.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
        assertThat(r.error.getMessage()).startsWith("first-byte timeout after 200 ms");
        assertThat(r.status).isZero();
        awaitNoOpenConnections();
    }

    @Test
    void totalTimeoutStopsADribblingBody() throws Exception {
        wireMock.stubFor(post("/dribble").willReturn(aResponse().withBody("b".repeat(50))
                .withChunkedDribbleDelay(25, 2000)));

        RecordingListener r = send(url("/dribble"),
                new Timeouts(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(300))).await();

        assertThat(r.error.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
        assertThat(r.error.getMessage()).startsWith("total timeout after 300 ms");
        assertThat(r.status).isEqualTo(200);
        awaitNoOpenConnections();
    }

    @Test
    void malformedChunkIsAnUpstreamError() throws Exception {
        wireMock.stubFor(post("/bad").willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        RecordingListener r = send(url("/bad"), FAST).await();

        assertThat(r.error.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        awaitNoOpenConnections();
    }

    @Test
    void randomDataThenCloseIsAnUpstreamError() throws Exception {
        wireMock.stubFor(post("/junk").willReturn(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

        RecordingListener r = send(url("/junk"), FAST).await();

        assertThat(r.error.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
    }

    @Test
    void connectionResetBeforeAResponseIsAnUpstreamError() throws Exception {
        wireMock.stubFor(post("/reset").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        RecordingListener r = send(url("/reset"), FAST).await();

        assertThat(r.error.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(r.error.getMessage()).contains("before sending a response");
    }

    @Test
    void cancelClosesTheConnectionAndSilencesTheListener() throws Exception {
        wireMock.stubFor(post("/long").willReturn(aResponse().withBody("c".repeat(40))
                .withChunkedDribbleDelay(40, 4000)));
        RecordingListener listener = new RecordingListener(group);
        CompletableFuture<UpstreamCall> call = new CompletableFuture<>();
        CountDownLatch cancelled = new CountDownLatch(1);
        listener.onFirstBody = chunk -> {
            call.join().cancel();
            cancelled.countDown();
        };
        call.complete(client.send(UpstreamRequest.post(url("/long"), Map.of(), new byte[0]), FAST, listener));

        assertThat(cancelled.await(3, TimeUnit.SECONDS)).isTrue();
        awaitNoOpenConnections();
        Thread.sleep(100);

        assertThat(listener.bodyChunks.get()).isEqualTo(1);
        assertThat(listener.finished).isNotDone();
        assertThat(client.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void saturatedPoolFailsFastAndAQueuedRequestWaitsForTheConnection() throws Exception {
        client.close();
        client = new UpstreamHttpClient(group, UpstreamTransport.NIO, new PoolSettings(1, 1, Duration.ofSeconds(30)),
                UpstreamHttpClient.defaultSslContext());
        wireMock.stubFor(post("/busy").willReturn(aResponse().withFixedDelay(300).withBody("ok")));

        RecordingListener first = send(url("/busy"), FAST);
        RecordingListener queued = send(url("/busy"), FAST);
        RecordingListener refused = send(url("/busy"), FAST).await();

        assertThat(refused.error.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(refused.error.getMessage()).contains("is saturated");
        assertThat(first.await().body()).isEqualTo("ok");
        assertThat(queued.await().body()).isEqualTo("ok");
        assertThat(client.connectionsOpened()).isEqualTo(1);
    }

    @Test
    void untrustedCertificateIsUnavailable() throws Exception {
        RecordingListener r = send(URI.create("https://127.0.0.1:" + wireMock.httpsPort() + "/tls"), FAST).await();

        assertThat(r.error.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(r.error.getMessage()).startsWith("TLS handshake with 127.0.0.1:" + wireMock.httpsPort() + " failed");
    }

    @Test
    void speaksHttpsWhenTheCertificateIsTrusted() throws Exception {
        client.close();
        client = new UpstreamHttpClient(group, UpstreamTransport.NIO, PoolSettings.DEFAULT,
                SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE)
                        .endpointIdentificationAlgorithm(null).build());
        wireMock.stubFor(post("/tls").willReturn(aResponse().withBody("secure")));

        RecordingListener r = send(URI.create("https://127.0.0.1:" + wireMock.httpsPort() + "/tls"), FAST).await();

        assertThat(r.body()).isEqualTo("secure");
    }

    private void awaitNoOpenConnections() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (client.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(client.openConnections()).isZero();
    }
}
