package dev.gearbox.providers.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class OriginTest {
    @Test
    void defaultsThePortFromTheScheme() {
        assertThat(Origin.of(URI.create("https://api.example.com/v1"))).isEqualTo(new Origin("https", "api.example.com", 443));
        assertThat(Origin.of(URI.create("http://api.example.com/v1")).port()).isEqualTo(80);
    }

    @Test
    void hostHeaderCarriesOnlyANonDefaultPort() {
        assertThat(Origin.of(URI.create("https://api.example.com/v1")).hostHeader()).isEqualTo("api.example.com");
        assertThat(Origin.of(URI.create("http://127.0.0.1:8080/")).hostHeader()).isEqualTo("127.0.0.1:8080");
        assertThat(Origin.of(URI.create("http://[::1]:8080/")).authority()).isEqualTo("[::1]:8080");
    }

    @Test
    void rejectsWhatIsNotHttp() {
        assertThatThrownBy(() -> Origin.of(URI.create("ftp://h/x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Origin.of(URI.create("/relative"))).isInstanceOf(IllegalArgumentException.class);
    }
}
