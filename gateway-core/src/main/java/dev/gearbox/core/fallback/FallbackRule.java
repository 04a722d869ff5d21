package dev.gearbox.core.fallback;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Decides whether a failed attempt moves on to the next deployment. Small values composed with
 * {@link #or(FallbackRule)}, e.g. {@code FallbackRule.onKinds(RATE_LIMITED).or(onUpstreamStatus(500))}.
 * A failure no rule accepts ends the request with that error as it is.
 */
@FunctionalInterface
public interface FallbackRule {

    boolean fallsBack(GatewayException failure);

    /**
     * The default: every retryable kind (408, 429, 5xx, connect errors, timeouts, no capacity).
     * Other 4xx stop: the request is wrong and another model will not fix it.
     */
    static FallbackRule onRetryable() {
        return failure -> failure.kind().retryable();
    }

    static FallbackRule onKinds(ErrorKind first, ErrorKind... more) {
        Set<ErrorKind> kinds = EnumSet.of(first, more);
        return failure -> kinds.contains(failure.kind());
    }

    /** Upstream HTTP statuses that fall back, whatever kind the provider mapped them to. */
    static FallbackRule onUpstreamStatus(int... statuses) {
        int[] copy = statuses.clone();
        return failure -> IntStream.of(copy).anyMatch(s -> s == failure.upstreamStatus());
    }

    static FallbackRule never() {
        return failure -> false;
    }

    default FallbackRule or(FallbackRule other) {
        return failure -> fallsBack(failure) || other.fallsBack(failure);
    }
}
