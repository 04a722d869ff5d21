package dev.gearbox.core.cache;

import static dev.gearbox.core.cache.CacheTesting.ask;
import static dev.gearbox.core.cache.CacheTesting.cached;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.ExactCacheConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ExactCacheTest {
    private final CacheTesting.SettableTicker ticker = new CacheTesting.SettableTicker();

    @Test
    void storedAnswersExpireAfterTheirTtl() {
        ExactCache cache = new ExactCache(new ExactCacheConfig(true, 1 << 20, Duration.ofMinutes(5), false), ticker);
        ExactKey key = ExactKey.of("t", ask("hi"));
        cache.put(key, cached("hello"));

        ticker.advance(Duration.ofMinutes(4));
        assertThat(cache.get(key)).map(a -> a.response().firstText()).contains("hello");
        ticker.advance(Duration.ofMinutes(2));
        assertThat(cache.get(key)).isEmpty();
    }

    @Test
    void theByteBoundEvicts() {
        CachedAnswer big = cached("x".repeat(10_000));
        ExactCache cache = new ExactCache(new ExactCacheConfig(true, 5 * big.bytes(), Duration.ofHours(1), false), ticker);
        for (int i = 0; i < 50; i++) {
            cache.put(ExactKey.of("t", ask("q" + i)), big);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(5).isPositive();
    }

    @Test
    void clearsOneTenantOrAll() {
        ExactCache cache = new ExactCache(new ExactCacheConfig(true, 1 << 20, Duration.ofHours(1), false), ticker);
        cache.put(ExactKey.of("a", ask("1")), cached("x"));
        cache.put(ExactKey.of("a", ask("2")), cached("x"));
        cache.put(ExactKey.of("b", ask("1")), cached("x"));

        assertThat(cache.clear("a")).isEqualTo(2);
        assertThat(cache.get(ExactKey.of("b", ask("1")))).isPresent();
        assertThat(cache.clear()).isEqualTo(1);
        assertThat(cache.size()).isZero();
    }
}
