package dev.gearbox.server.metrics;

import dev.gearbox.server.http.ExchangeOutcome;
import dev.gearbox.server.http.ExchangeRecorder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every finished exchange as {@link ServerMeters#REQUESTS} and
 * {@link ServerMeters#REQUEST_DURATION} (with a percentile histogram, so Prometheus can compute
 * p50/p99 across replicas). Meters are cached per tag combination to keep the hot path to a lookup.
 */
public final class ServerMetrics implements ExchangeRecorder {
    private final MeterRegistry registry;
    private final Map<Key, Meters> meters = new ConcurrentHashMap<>();

    public ServerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void record(String route, ExchangeOutcome outcome, long durationNanos) {
        Key key = new Key(route, statusClass(outcome.status()),
                outcome.tier() == null ? ServerMeters.NONE : outcome.tier().wire(),
                outcome.deployment() == null ? ServerMeters.NONE : outcome.deployment(),
                outcome.outcome());
        Meters m = meters.computeIfAbsent(key, this::register);
        m.requests().increment();
        m.duration().record(durationNanos, TimeUnit.NANOSECONDS);
    }

    static String statusClass(int status) {
        return (status / 100) + "xx";
    }

    private Meters register(Key key) {
        Tags tags = Tags.of(ServerMeters.TAG_ROUTE, key.route(), ServerMeters.TAG_STATUS, key.status(),
                ServerMeters.TAG_TIER, key.tier(), ServerMeters.TAG_DEPLOYMENT, key.deployment(),
                ServerMeters.TAG_OUTCOME, key.outcome());
        Counter requests = Counter.builder(ServerMeters.REQUESTS.meterName())
                .description(ServerMeters.REQUESTS.description())
                .tags(tags)
                .register(registry);
        Timer duration = Timer.builder(ServerMeters.REQUEST_DURATION.meterName())
                .description(ServerMeters.REQUEST_DURATION.description())
                .tags(tags)
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(5))
                .register(registry);
        return new Meters(requests, duration);
    }

    private record Key(String route, String status, String tier, String deployment, String outcome) {
    }

    private record Meters(Counter requests, Timer duration) {
    }
}
