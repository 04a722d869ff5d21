package dev.gearbox.core.routing;

import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a tier or a pinned deployment into the ordered list of deployments to try.
 *
 * <p>For a tier: its deployments in order, then, with {@code routing.fallbackUp}, those of each
 * tier above; a deployment listed twice is tried once. Deployments cooling down after a 429 are
 * skipped. When every candidate is cooling down the plan fails fast with {@code NO_CAPACITY}
 * (503) and a {@code Retry-After} of the earliest cooldown end: calling a deployment that just
 * said "slow down" would only earn another 429 and delay the answer the client already gets.
 *
 * <p>A pinned deployment is tried even while cooling down: the client chose it explicitly, so
 * the upstream, not a guess from an earlier 429, decides.
 */
public final class AttemptPlanner {
    private final GearboxConfig config;
    private final DeploymentRegistry registry;
    private final DeploymentHealth health;
    private final Clock clock;

    public AttemptPlanner(GearboxConfig config, DeploymentRegistry registry, DeploymentHealth health, Clock clock) {
        this.config = config;
        this.registry = registry;
        this.health = health;
        this.clock = clock;
    }

    public List<Candidate> plan(Tier start) {
        List<Candidate> all = tierOrder(start);
        if (all.isEmpty()) {
            throw new GatewayException(ErrorKind.NO_CAPACITY,
                    "No deployments are configured for tier `" + start.wire() + "`.");
        }
        List<Candidate> inRotation = new ArrayList<>();
        for (Candidate c : all) {
            if (health.inRotation(c.name())) {
                inRotation.add(c);
            }
        }
        if (inRotation.isEmpty()) {
            throw allCoolingDown(all);
        }
        return List.copyOf(inRotation);
    }

    /**
     * The deployments of {@code tier} alone, in order, without those cooling down and without the
     * tiers above (a cascade escalates between tiers itself); empty when none is available.
     */
    public List<Candidate> tierOnly(Tier tier) {
        List<Candidate> out = new ArrayList<>();
        for (String name : config.tierDeployments(tier)) {
            if (health.inRotation(name)) {
                out.add(new Candidate(registry.get(name), tier));
            }
        }
        return List.copyOf(out);
    }

    public List<Candidate> pinned(String deployment) {
        Deployment d = registry.get(deployment);
        Tier tier = null;
        for (Tier t : Tier.values()) {
            if (config.tierDeployments(t).contains(deployment)) {
                tier = t;
                break;
            }
        }
        return List.of(new Candidate(d, tier));
    }

    private List<Candidate> tierOrder(Tier start) {
        Set<String> seen = new LinkedHashSet<>();
        List<Candidate> out = new ArrayList<>();
        Optional<Tier> tier = Optional.of(start);
        while (tier.isPresent()) {
            for (String name : config.tierDeployments(tier.get())) {
                if (seen.add(name)) {
                    out.add(new Candidate(registry.get(name), tier.get()));
                }
            }
            tier = config.routing().fallbackUp() ? tier.get().next() : Optional.empty();
        }
        return out;
    }

    private GatewayException allCoolingDown(List<Candidate> all) {
        Instant now = clock.instant();
        Duration earliest = null;
        StringBuilder why = new StringBuilder();
        for (Candidate c : all) {
            // A cooldown can end between the check above and here; count it as ending now.
            Duration left = health.coolingUntil(c.name()).map(u -> Duration.between(now, u)).orElse(Duration.ZERO);
            if (earliest == null || left.compareTo(earliest) < 0) {
                earliest = left;
            }
            why.append(why.length() == 0 ? "" : ", ").append(c.label()).append(" for another ")
                    .append(left.toMillis()).append(" ms");
        }
        Duration retryAfter = Duration.ofSeconds(Math.max(1, (earliest.toMillis() + 999) / 1000));
        return new GatewayException(ErrorKind.NO_CAPACITY,
                "No deployment is available: every candidate is rate limited (" + why + "). Retry later.",
                null, ErrorKind.NO_CAPACITY.defaultCode(), 0, retryAfter, null);
    }
}
