package dev.gearbox.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class ConnectFailuresTest {
    private static final Origin ORIGIN = new Origin("https", "api.example.com", 443);

    private static GatewayException map(Throwable t) {
        return ConnectFailures.map(ORIGIN, Duration.ofMillis(250), t);
    }

    @Test
    void refusedNamesTheTargetWithoutNettysAddressSuffix() {
        GatewayException e = map(new ConnectException("Connection refused: api.example.com/10.0.0.7:443"));
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(e.getMessage()).isEqualTo("connect to api.example.com:443 failed: Connection refused");
    }

    @Test
    void connectTimeoutIsATimeout() {
        GatewayException e = map(new ConnectTimeoutException("connection timed out: api.example.com/10.0.0.7:443"));
        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_TIMEOUT);
        assertThat(e.getMessage()).isEqualTo("connect timeout after 250 ms to api.example.com:443");
    }

    @Test
    void dnsAndTlsFailuresAreUnavailable() {
        assertThat(map(new UnknownHostException("api.example.com")).getMessage())
                .isEqualTo("connect to api.example.com:443 failed: unknown host");
        GatewayException tls = map(new SSLHandshakeException("PKIX path building failed"));
        assertThat(tls.kind()).isEqualTo(ErrorKind.UPSTREAM_UNAVAILABLE);
        assertThat(tls.getMessage()).isEqualTo("TLS handshake with api.example.com:443 failed: PKIX path building failed");
    }
}
