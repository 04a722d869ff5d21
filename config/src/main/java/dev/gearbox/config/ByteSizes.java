package dev.gearbox.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as written in the config: a plain whole number of bytes, or a whole number with a unit.
 * Binary units are powers of 1024 ({@code KiB}, {@code MiB}, {@code GiB}), decimal units powers of 1000
 * ({@code KB}, {@code MB}, {@code GB}); {@code B} is bytes. Units are case-insensitive:
 * {@code 4MiB} = 4194304, {@code 512KiB} = 524288, {@code 1MB} = 1000000.
 */
public final class ByteSizes {
    private static final Pattern SYNTAX = Pattern.compile("(-?\\d+)\\s*([A-Za-z]+)?");

    private ByteSizes() {
    }

    /** Parses {@code text}; the result may be zero or negative, callers check the range they need. */
    public static long parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        long multiplier = m.matches() ? multiplier(m.group(2)) : -1;
        if (multiplier < 0) {
            throw new IllegalArgumentException(
                    "must be a size like 4MiB, 512KiB, 1MB or a whole number of bytes, got \"" + text + "\"");
        }
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), multiplier);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("size is too large, got \"" + text + "\"");
        }
    }

    /** Bytes per unit, or -1 for an unknown unit. */
    private static long multiplier(String unit) {
        if (unit == null) {
            return 1;
        }
        return switch (unit.toLowerCase(Locale.ROOT)) {
            case "b" -> 1;
            case "kb" -> 1000;
            case "mb" -> 1000_000;
            case "gb" -> 1000_000_000;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> -1;
        };
    }
}
