package dev.gearbox.core.cascade;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The error for a cascade in which no tier answered: one message naming each tier and why it
 * failed (each tier's own message already lists its attempts). Like a routed request's: 504 when
 * every tier timed out, 503 when every tier was unavailable or rate limited (with the shortest
 * Retry-After), 502 otherwise.
 */
final class CascadeFailure {
    private static final Set<ErrorKind> TIMEOUTS = EnumSet.of(ErrorKind.UPSTREAM_TIMEOUT, ErrorKind.REQUEST_TIMEOUT);
    private static final Set<ErrorKind> UNAVAILABLE =
            EnumSet.of(ErrorKind.UPSTREAM_UNAVAILABLE, ErrorKind.RATE_LIMITED, ErrorKind.NO_CAPACITY);

    /** One tier that gave no answer. */
    record TierFailure(Tier tier, GatewayException error) {
    }

    private CascadeFailure() {
    }

    static GatewayException of(List<TierFailure> failures) {
        if (failures.isEmpty()) {
            throw new IllegalStateException("no failed tier to report");
        }
        ErrorKind kind = failures.stream().allMatch(f -> TIMEOUTS.contains(f.error().kind())) ? ErrorKind.UPSTREAM_TIMEOUT
                : failures.stream().allMatch(f -> UNAVAILABLE.contains(f.error().kind())) ? ErrorKind.UPSTREAM_UNAVAILABLE
                : ErrorKind.UPSTREAM_ERROR;
        Duration retryAfter = null;
        StringBuilder message = new StringBuilder("Every tier of the cascade failed: ");
        for (int i = 0; i < failures.size(); i++) {
            TierFailure f = failures.get(i);
            message.append(i == 0 ? "" : "; ").append(f.tier().wire()).append(": ").append(f.error().getMessage());
            Duration d = f.error().retryAfter();
            if (d != null && (retryAfter == null || d.compareTo(retryAfter) < 0)) {
                retryAfter = d;
            }
        }
        return new GatewayException(kind, message.toString(), null, kind.defaultCode(), 0,
                kind == ErrorKind.UPSTREAM_UNAVAILABLE ? retryAfter : null, null);
    }
}
