package dev.gearbox.core.testing;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.core.fallback.FallbackExecutor;
import dev.gearbox.core.fallback.FallbackRule;
import dev.gearbox.core.fallback.StreamFallbackExecutor;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.routing.AttemptPlanner;
import dev.gearbox.core.routing.DeploymentHealth;
import dev.gearbox.core.routing.DeploymentRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A small world for gateway tests: a config whose deployments are {@link ScriptedProvider}s, a
 * clock that moves only when told, and a nano-time source that advances 1 ms per reading.
 */
public final class Fixture {
    public static final long TICK_NANOS = 1_000_000;

    public final MutableClock clock = MutableClock.atEpoch();
    public final AtomicLong nanos = new AtomicLong();
    public final LongSupplier nanoTime = () -> nanos.addAndGet(TICK_NANOS);
    public final SimpleMeterRegistry meterRegistry = new SimpleMeterRegistry();
    public final GatewayMetrics metrics = new GatewayMetrics(meterRegistry);
    public final DeploymentHealth health = new DeploymentHealth(clock);
    public final GearboxConfig config;
    public final DeploymentRegistry registry;
    private final Map<String, ScriptedProvider> providers = new LinkedHashMap<>();

    private Fixture(GearboxConfig config) {
        this.config = config;
        this.registry = DeploymentRegistry.create(config, d -> providers.computeIfAbsent(d.name(), ScriptedProvider::new));
    }

    public static Builder builder() {
        return new Builder();
    }

    public ScriptedProvider provider(String name) {
        ScriptedProvider p = providers.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no deployment " + name);
        }
        return p;
    }

    public AttemptPlanner planner() {
        return new AttemptPlanner(config, registry, health, clock);
    }

    public FallbackExecutor executor() {
        return new FallbackExecutor(FallbackRule.onRetryable(), health, metrics, nanoTime);
    }

    public StreamFallbackExecutor streamExecutor() {
        return new StreamFallbackExecutor(FallbackRule.onRetryable(), health, metrics, nanoTime);
    }

    public double count(String meter, String... tags) {
        var counter = meterRegistry.find(meter).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    public static DeploymentConfig deployment(String name) {
        return new DeploymentConfig(name, ProviderKind.SIMULATOR, null, null, name + "-model", null, null, null,
                SimulatorSettings.DEFAULT);
    }

    public static final class Builder {
        private final Map<Tier, TierConfig> tiers = new EnumMap<>(Tier.class);
        private final Set<String> names = new LinkedHashSet<>();
        private Tier defaultTier = Tier.FAST;
        private boolean fallbackUp = true;

        public Builder tier(Tier tier, String... deployments) {
            tiers.put(tier, new TierConfig(List.of(deployments)));
            names.addAll(List.of(deployments));
            return this;
        }

        /** A deployment in no tier (reachable only pinned). */
        public Builder standalone(String name) {
            names.add(name);
            return this;
        }

        public Builder defaultTier(Tier tier) {
            this.defaultTier = tier;
            return this;
        }

        public Builder fallbackUp(boolean on) {
            this.fallbackUp = on;
            return this;
        }

        public GearboxConfig config() {
            List<DeploymentConfig> deployments = new ArrayList<>();
            names.forEach(n -> deployments.add(deployment(n)));
            return new GearboxConfig(ServerConfig.DEFAULT, deployments, tiers, new RoutingConfig(defaultTier, fallbackUp));
        }

        public Fixture build() {
            return new Fixture(config());
        }
    }
}
