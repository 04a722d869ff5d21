package dev.gearbox.core.fallback;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.Attempt;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the error for a request whose every attempt failed. Its kind says what the client
 * should make of it: 504 when every attempt timed out, 503 when every deployment was unavailable
 * or rate limited (with the shortest {@code Retry-After} any of them gave), 502 otherwise.
 */
final class AllAttemptsFailed {
    private static final Set<ErrorKind> TIMEOUTS = EnumSet.of(ErrorKind.UPSTREAM_TIMEOUT, ErrorKind.REQUEST_TIMEOUT);
    private static final Set<ErrorKind> UNAVAILABLE =
            EnumSet.of(ErrorKind.UPSTREAM_UNAVAILABLE, ErrorKind.RATE_LIMITED, ErrorKind.NO_CAPACITY);

    private AllAttemptsFailed() {
    }

    static GatewayException of(List<Attempt> attempts, List<GatewayException> failures) {
        if (failures.isEmpty()) {
            throw new IllegalStateException("no failed attempt to report");
        }
        ErrorKind kind = kindFor(failures);
        Duration retryAfter = kind == ErrorKind.UPSTREAM_UNAVAILABLE ? shortestRetryAfter(failures) : null;
        return new GatewayException(kind, message(attempts), null, kind.defaultCode(), 0, retryAfter, null);
    }

    static ErrorKind kindFor(List<GatewayException> failures) {
        if (failures.stream().allMatch(f -> TIMEOUTS.contains(f.kind()))) {
            return ErrorKind.UPSTREAM_TIMEOUT;
        }
        if (failures.stream().allMatch(f -> UNAVAILABLE.contains(f.kind()))) {
            return ErrorKind.UPSTREAM_UNAVAILABLE;
        }
        return ErrorKind.UPSTREAM_ERROR;
    }

    private static String message(List<Attempt> attempts) {
        StringBuilder sb = new StringBuilder(attempts.size() == 1 ? "The only attempt failed: "
                : "All " + attempts.size() + " attempts failed: ");
        for (int i = 0; i < attempts.size(); i++) {
            Attempt a = attempts.get(i);
            sb.append(i == 0 ? "" : "; ").append(a.deployment());
            if (a.tier() != null) {
                sb.append(" (").append(a.tier().wire()).append(')');
            }
            sb.append(": ").append(a.detail());
        }
        return sb.toString();
    }

    private static Duration shortestRetryAfter(List<GatewayException> failures) {
        Duration shortest = null;
        for (GatewayException f : failures) {
            Duration d = f.retryAfter();
            if (d != null && (shortest == null || d.compareTo(shortest) < 0)) {
                shortest = d;
            }
        }
        return shortest;
    }
}
