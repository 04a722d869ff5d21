package dev.gearbox.providers.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * An upstream's back-off hint: {@code retry-after-ms} (OpenAI and Azure send it, finer than
 * seconds) wins over {@code Retry-After}, which is delta-seconds or an HTTP-date measured
 * against the injected clock. A date in the past means "now"; anything unparseable means no hint.
 */
public final class RetryAfter {
    private RetryAfter() {
    }

    public static Duration parse(HttpHeaders headers, Clock clock) {
        Duration millis = parseMillis(headers.get("retry-after-ms"));
        if (millis != null) {
            return millis;
        }
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        value = value.trim();
        Duration seconds = parseSeconds(value);
        return seconds != null ? seconds : parseDate(value, clock);
    }

    private static Duration parseMillis(String value) {
        if (value == null) {
            return null;
        }
        try {
            double ms = Double.parseDouble(value.trim());
            return Double.isFinite(ms) && ms >= 0 ? Duration.ofNanos((long) (ms * 1_000_000)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration parseSeconds(String value) {
        if (!value.chars().allMatch(c -> Character.isDigit(c) || c == '.')) {
            return null;
        }
        try {
            double s = Double.parseDouble(value);
            return Duration.ofMillis((long) (s * 1000));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Duration parseDate(String value, Clock clock) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
