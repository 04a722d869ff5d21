package dev.gearbox.core.gateway;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;

/**
 * One try at one deployment. {@code error} is null when it succeeded; {@code detail} is the
 * short reason shown in the all-failed message (e.g. "HTTP 503", "first-byte timeout after 2000 ms").
 */
public record Attempt(String deployment, Tier tier, long latencyNanos, ErrorKind error, int upstreamStatus,
                      String detail) {
    public boolean succeeded() {
        return error == null;
    }
}
