package dev.gearbox.testfixtures;

import java.time.Instant;

/** Wall-clock time in epoch microseconds: comparable across processes on one machine. */
public final class EpochMicros {
    private EpochMicros() {
    }

    public static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
