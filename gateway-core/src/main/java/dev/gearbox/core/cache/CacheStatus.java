package dev.gearbox.core.cache;

/** How the caches served a request; {@link #wire()} is the {@code x-gearbox-cache} header value and the metric tag. */
public enum CacheStatus {
    HIT_EXACT("hit-exact"),
    HIT_SEMANTIC("hit-semantic"),
    MISS("miss"),
    BYPASS("bypass");

    private final String wire;

    CacheStatus(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public boolean hit() {
        return this == HIT_EXACT || this == HIT_SEMANTIC;
    }
}
