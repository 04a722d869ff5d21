package dev.gearbox.providers.anthropic;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Anthropic's own back-off hint for when {@code retry-after} is missing: each exhausted limit
 * ({@code anthropic-ratelimit-<limit>-remaining: 0}) says when it resets (an RFC 3339 time in
 * {@code anthropic-ratelimit-<limit>-reset}); the wait is until the last exhausted one resets.
 */
final class AnthropicRateLimitReset {
    private static final List<String> LIMITS = List.of("requests", "tokens", "input-tokens", "output-tokens");

    private AnthropicRateLimitReset() {
    }

    /** The wait, or null when no exhausted limit names a readable reset time. */
    static Duration wait(HttpHeaders headers, Clock clock) {
        Duration longest = null;
        for (String limit : LIMITS) {
            String remaining = headers.get("anthropic-ratelimit-" + limit + "-remaining");
            String reset = headers.get("anthropic-ratelimit-" + limit + "-reset");
            if (!"0".equals(remaining == null ? null : remaining.trim()) || reset == null) {
                continue;
            }
            try {
                Duration wait = Duration.between(clock.instant(), Instant.parse(reset.trim()));
                Duration atLeastZero = wait.isNegative() ? Duration.ZERO : wait;
                if (longest == null || atLeastZero.compareTo(longest) > 0) {
                    longest = atLeastZero;
                }
            } catch (DateTimeParseException unreadable) {
                // a reset we cannot read is no hint
            }
        }
        return longest;
    }
}
