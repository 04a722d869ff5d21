package dev.gearbox.core.routing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which deployments are out of rotation, and until when. A 429 takes a deployment out for its
 * {@code Retry-After}, or for {@link #DEFAULT_COOLDOWN} when the upstream gave none; a hint longer
 * than {@link #MAX_COOLDOWN} is capped so one odd header cannot park a deployment for hours.
 * Keyed by deployment name, so one instance can outlive a config reload. Thread-safe; reads take
 * no lock.
 */
public final class DeploymentHealth {
    public static final Duration DEFAULT_COOLDOWN = Duration.ofSeconds(1);
    public static final Duration MAX_COOLDOWN = Duration.ofMinutes(5);

    private final Clock clock;
    private final Duration defaultCooldown;
    private final ConcurrentHashMap<String, Instant> coolingUntil = new ConcurrentHashMap<>();

    public DeploymentHealth(Clock clock) {
        this(clock, DEFAULT_COOLDOWN);
    }

    public DeploymentHealth(Clock clock, Duration defaultCooldown) {
        if (defaultCooldown.isNegative()) {
            throw new IllegalArgumentException("defaultCooldown must not be negative");
        }
        this.clock = clock;
        this.defaultCooldown = defaultCooldown;
    }

    /** The deployment answered 429; {@code retryAfter} is the upstream's hint or null. */
    public void rateLimited(String deployment, Duration retryAfter) {
        Duration d = retryAfter == null || retryAfter.isNegative() || retryAfter.isZero() ? defaultCooldown : retryAfter;
        if (d.compareTo(MAX_COOLDOWN) > 0) {
            d = MAX_COOLDOWN;
        }
        Instant until = clock.instant().plus(d);
        // Keep the later end: a short hint must not shorten a cooldown already in force.
        coolingUntil.merge(deployment, until, (old, neu) -> neu.isAfter(old) ? neu : old);
    }

    public boolean inRotation(String deployment) {
        return coolingUntil(deployment).isEmpty();
    }

    /** When the deployment's cooldown ends, empty when it is in rotation. */
    public Optional<Instant> coolingUntil(String deployment) {
        Instant until = coolingUntil.get(deployment);
        if (until == null) {
            return Optional.empty();
        }
        if (!until.isAfter(clock.instant())) {
            coolingUntil.remove(deployment, until);
            return Optional.empty();
        }
        return Optional.of(until);
    }

    /** The deployments cooling down right now, by name, and when each comes back (for metrics and admin). */
    public Map<String, Instant> snapshot() {
        Instant now = clock.instant();
        Map<String, Instant> out = new TreeMap<>();
        coolingUntil.forEach((name, until) -> {
            if (until.isAfter(now)) {
                out.put(name, until);
            }
        });
        return Collections.unmodifiableMap(out);
    }

    /** Puts a deployment back into rotation at once (admin action). */
    public void reset(String deployment) {
        coolingUntil.remove(deployment);
    }
}
