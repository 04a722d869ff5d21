package dev.gearbox.providers.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gearbox.providers.http.LeakReports;
import dev.gearbox.providers.http.PoolSettings;
import dev.gearbox.providers.http.UpstreamHttpClient;
import dev.gearbox.providers.http.UpstreamTransport;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * The bed a provider test runs on: a WireMock upstream on 127.0.0.1 (gzip off, so bodies are as
 * stubbed) for the class, a fresh upstream client per test, and a failure if any ByteBuf leaked.
 */
public abstract class WireMockUpstreamTest {
    protected static EventLoopGroup group;
    protected static WireMockServer wireMock;
    protected UpstreamHttpClient http;

    @BeforeAll
    protected static void startUpstream() {
        group = new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
        wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").gzipDisabled(true));
        wireMock.start();
    }

    @AfterAll
    protected static void stopUpstream() throws Exception {
        wireMock.stop();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        assertThat(LeakReports.collect()).isEmpty();
    }

    @BeforeEach
    protected void openClient() {
        wireMock.resetAll();
        http = new UpstreamHttpClient(group, UpstreamTransport.NIO, PoolSettings.DEFAULT,
                UpstreamHttpClient.defaultSslContext());
    }

    @AfterEach
    protected void closeClient() {
        http.close();
    }
}
