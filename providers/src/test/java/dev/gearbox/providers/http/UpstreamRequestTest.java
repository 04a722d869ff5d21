package dev.gearbox.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UpstreamRequestTest {

    @Test
    void jsonHeadersPutTheDeploymentsHeadersBeforeTheBodyTypeAndCredentials() {
        Map<String, String> headers = UpstreamRequest.jsonHeaders("text/event-stream",
                Map.of("X-Team", "search", "Content-Type", "text/plain", "x-api-key", "configured"),
                Map.of("x-api-key", "secret"));

        assertThat(headers).containsEntry("Accept", "text/event-stream")
                .containsEntry("User-Agent", UserAgent.VALUE)
                .containsEntry("X-Team", "search")
                .containsEntry("Content-Type", "application/json")
                .containsEntry("x-api-key", "secret");
        assertThat(headers.keySet()).startsWith("Accept", "User-Agent");
    }

    @Test
    void pathAndQueryIsWhatTheRequestLineCarries() {
        assertThat(UpstreamRequest.post(URI.create("http://127.0.0.1:9/v1/x?a=1"), Map.of(), null)
                .pathAndQuery()).isEqualTo("/v1/x?a=1");
        assertThat(UpstreamRequest.post(URI.create("http://127.0.0.1:9"), Map.of(), null)
                .pathAndQuery()).isEqualTo("/");
    }
}
