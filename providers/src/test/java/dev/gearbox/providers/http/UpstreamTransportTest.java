package dev.gearbox.providers.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gearbox.config.Timeouts;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class UpstreamTransportTest {

    @Test
    void nioGroupGetsNioChannels() throws Exception {
        EventLoopGroup nio = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            assertThat(UpstreamTransport.forGroup(nio)).isEqualTo(UpstreamTransport.NIO);
        } finally {
            nio.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    @Test
    void epollGroupGetsEpollChannelsAndCarriesARequest() throws Exception {
        assumeTrue(Epoll.isAvailable(), "native epoll is not available on this machine");
        EventLoopGroup epoll = new MultiThreadIoEventLoopGroup(1, EpollIoHandler.newFactory());
        WireMockServer wireMock = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        wireMock.start();
        try (UpstreamHttpClient client = new UpstreamHttpClient(epoll)) {
            assertThat(UpstreamTransport.forGroup(epoll)).isEqualTo(UpstreamTransport.EPOLL);
            wireMock.stubFor(post("/e").willReturn(aResponse().withBody("epoll")));

            RecordingListener r = new RecordingListener(epoll);
            client.send(UpstreamRequest.post(URI.create(wireMock.baseUrl() + "/e"), Map.of(), new byte[0]),
                    Timeouts.DEFAULT, r);

            assertThat(r.await().body()).isEqualTo("epoll");
        } finally {
            wireMock.stop();
            epoll.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }
}
