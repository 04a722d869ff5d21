package dev.gearbox.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in the config: a whole number with a unit {@code ms}, {@code s}, {@code m} or
 * {@code h} ({@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}), or a plain whole number meaning
 * milliseconds. Fractions are not accepted: write {@code 1500ms}, not {@code 1.5s}.
 */
public final class Durations {
    private static final Pattern SYNTAX = Pattern.compile("(-?\\d+)\\s*(ms|s|m|h)?");

    private Durations() {
    }

    /** Parses {@code text}; the result may be zero or negative, callers check the range they need. */
    public static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "must be a duration like 500ms, 5s, 2m, 1h or a whole number of milliseconds, got \""
                            + text + "\"");
        }
        long amount;
        try {
            amount = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("duration is too large, got \"" + text + "\"");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        try {
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration is too large, got \"" + text + "\"");
        }
    }

    /** The shortest config spelling of {@code d}: {@code 2m} rather than {@code 120s} or {@code 120000ms}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms != 0 && ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
