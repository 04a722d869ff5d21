package dev.gearbox.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestIdsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aSaneClientIdIsKept() {
        RequestIds ids = new RequestIds(CLOCK, 1);

        assertThat(ids.resolve("abc-123_x.y:z")).isEqualTo("abc-123_x.y:z");
        assertThat(ids.resolve("a".repeat(128))).hasSize(128);
    }

    @Test
    void anInsaneClientIdIsReplaced() {
        RequestIds ids = new RequestIds(CLOCK, 1);

        for (String bad : new String[] {null, "", "with space", "a".repeat(129), "new\nline", "quote\"", "ü"}) {
            assertThat(ids.resolve(bad)).as(String.valueOf(bad)).startsWith("gbx-");
        }
    }

    @Test
    void generatedIdsAreCompactUniqueAndDeterministic() {
        RequestIds ids = new RequestIds(CLOCK, 42);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.next())).isTrue();
        }
        String first = new RequestIds(CLOCK, 42).next();

        assertThat(first).isEqualTo(new RequestIds(CLOCK, 42).next()).matches("gbx-[0-9a-z]+-[0-9a-z]{5}").hasSizeLessThan(24);
        assertThat(new RequestIds(CLOCK, 43).next()).as("another replica").isNotEqualTo(first);
    }
}
