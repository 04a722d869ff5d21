package dev.gearbox.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);

    private static HttpHeaders headers(String name, String value) {
        return new DefaultHttpHeaders().add(name, value);
    }

    @Test
    void deltaSeconds() {
        assertThat(RetryAfter.parse(headers("Retry-After", "7"), CLOCK)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void httpDateRelativeToTheClock() {
        assertThat(RetryAfter.parse(headers("Retry-After", "Tue, 24 Nov 2026 12:00:30 GMT"), CLOCK))
                .isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void pastDateMeansNow() {
        assertThat(RetryAfter.parse(headers("Retry-After", "Tue, 24 Nov 2026 11:00:00 GMT"), CLOCK))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void millisecondHeaderWins() {
        HttpHeaders h = headers("Retry-After", "7").add("retry-after-ms", "1500");
        assertThat(RetryAfter.parse(h, CLOCK)).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void garbageOrAbsentIsNoHint() {
        assertThat(RetryAfter.parse(headers("Retry-After", "soon"), CLOCK)).isNull();
        assertThat(RetryAfter.parse(headers("retry-after-ms", "-3"), CLOCK)).isNull();
        assertThat(RetryAfter.parse(new DefaultHttpHeaders(), CLOCK)).isNull();
    }
}
