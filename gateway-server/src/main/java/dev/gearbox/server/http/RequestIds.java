package dev.gearbox.server.http;

import java.time.Clock;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Request ids: the client's {@code x-request-id} when it is sane (1-128 characters of letters,
 * digits and {@code . _ : -}), else a compact generated one, {@code gbx-<millis36>-<node><seq36>}:
 * unique within the process by the counter, across restarts by the time, across replicas by a
 * random node tag drawn once from the seed.
 */
public final class RequestIds {
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final Clock clock;
    private final String node;
    private final AtomicLong sequence = new AtomicLong();

    public RequestIds(Clock clock, long seed) {
        this.clock = clock;
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder tag = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            tag.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        this.node = tag.toString();
    }

    /** Production ids: wall clock and a seed that differs per process. */
    public static RequestIds create() {
        return new RequestIds(Clock.systemUTC(), System.nanoTime() ^ ProcessHandle.current().pid());
    }

    /** The client's id when sane, otherwise a new one. */
    public String resolve(String clientId) {
        if (clientId != null && SANE.matcher(clientId).matches()) {
            return clientId;
        }
        return next();
    }

    public String next() {
        return "gbx-" + Long.toString(clock.millis(), 36) + "-" + node + Long.toString(sequence.incrementAndGet(), 36);
    }
}
