package dev.gearbox.core.fallback;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.routing.Candidate;
import dev.gearbox.core.routing.DeploymentHealth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The attempts of one request, in order. Recording a failure also counts it in the metrics and,
 * for a 429, takes the deployment out of rotation. Attempts run one after another but their
 * callbacks may come from different threads, hence the synchronized methods.
 */
final class AttemptLog {
    private static final int MAX_DETAIL_CHARS = 200;

    private final DeploymentHealth health;
    private final GatewayMetrics metrics;
    private final List<Attempt> attempts = new ArrayList<>();
    private final List<GatewayException> failures = new ArrayList<>();
    private final Consumer<Attempt> observer;

    AttemptLog(DeploymentHealth health, GatewayMetrics metrics) {
        this(health, metrics, attempt -> { });
    }

    /** {@code observer} sees every attempt as it is recorded (a cascade collects them across tiers). */
    AttemptLog(DeploymentHealth health, GatewayMetrics metrics, Consumer<Attempt> observer) {
        this.health = health;
        this.metrics = metrics;
        this.observer = observer;
    }

    synchronized void failed(Candidate candidate, long nanos, GatewayException failure) {
        Attempt attempt = new Attempt(candidate.name(), candidate.tier(), nanos, failure.kind(), failure.upstreamStatus(),
                describe(failure));
        attempts.add(attempt);
        observer.accept(attempt);
        failures.add(failure);
        metrics.attempt(candidate.name(), failure.kind());
        if (failure.kind() == ErrorKind.RATE_LIMITED) {
            health.rateLimited(candidate.name(), failure.retryAfter());
        }
    }

    /** Records the answering attempt and returns the finished route. */
    synchronized RouteInfo succeeded(Candidate candidate, long nanos) {
        Attempt attempt = success(candidate, nanos);
        attempts.add(attempt);
        observer.accept(attempt);
        metrics.attempt(candidate.name(), null);
        return new RouteInfo(candidate.tier(), candidate.name(), attempts, upstreamNanos(attempts));
    }

    /** The route so far if {@code candidate}, still running for {@code nanos}, answers; records nothing. */
    synchronized RouteInfo preview(Candidate candidate, long nanos) {
        List<Attempt> all = new ArrayList<>(attempts);
        all.add(success(candidate, nanos));
        return new RouteInfo(candidate.tier(), candidate.name(), all, upstreamNanos(all));
    }

    /** The error for a request whose every attempt failed: one message listing each attempt. */
    synchronized GatewayException allFailed() {
        return AllAttemptsFailed.of(attempts, failures);
    }

    private static Attempt success(Candidate candidate, long nanos) {
        return new Attempt(candidate.name(), candidate.tier(), nanos, null, 0, "ok");
    }

    private static long upstreamNanos(List<Attempt> attempts) {
        long sum = 0;
        for (Attempt a : attempts) {
            sum += a.latencyNanos();
        }
        return sum;
    }

    /** "HTTP 503: upstream unavailable", or the message alone when there was no upstream status. */
    static String describe(GatewayException failure) {
        String message = failure.getMessage() == null ? failure.kind().metricTag() : failure.getMessage();
        String detail = failure.upstreamStatus() > 0 && !message.startsWith("HTTP ")
                ? "HTTP " + failure.upstreamStatus() + ": " + message
                : message;
        return detail.length() > MAX_DETAIL_CHARS ? detail.substring(0, MAX_DETAIL_CHARS) + "..." : detail;
    }
}
