package dev.gearbox.core.routing;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Tier;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The deployments of one configuration, by name, in config order, each with its provider.
 * Owns the providers: {@link #close()} closes them all.
 */
public final class DeploymentRegistry implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DeploymentRegistry.class);

    private final Map<String, Deployment> byName;

    private DeploymentRegistry(Map<String, Deployment> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /**
     * Creates a provider for every deployment. Fails with IllegalArgumentException when a tier
     * names a deployment that does not exist or a name is repeated; on any failure the providers
     * already created are closed again.
     */
    public static DeploymentRegistry create(GearboxConfig config, ProviderFactory factory) {
        checkReferences(config);
        Map<String, Deployment> byName = new LinkedHashMap<>();
        try {
            for (DeploymentConfig d : config.deployments()) {
                if (byName.containsKey(d.name())) {
                    throw new IllegalArgumentException("deployments: name `" + d.name() + "` is used twice");
                }
                byName.put(d.name(), new Deployment(d, factory.create(d)));
            }
        } catch (RuntimeException e) {
            closeAll(byName.values());
            throw e;
        }
        return new DeploymentRegistry(byName);
    }

    private static void checkReferences(GearboxConfig config) {
        for (Map.Entry<Tier, ?> tier : config.tiers().entrySet()) {
            List<String> names = config.tierDeployments(tier.getKey());
            for (int i = 0; i < names.size(); i++) {
                if (config.deployment(names.get(i)).isEmpty()) {
                    throw new IllegalArgumentException("tiers." + tier.getKey().wire() + ".deployments[" + i
                            + "]: unknown deployment `" + names.get(i) + "`");
                }
            }
        }
    }

    public Optional<Deployment> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The deployment with this name; the name must come from the same configuration. */
    public Deployment get(String name) {
        Deployment d = byName.get(name);
        if (d == null) {
            throw new IllegalArgumentException("unknown deployment `" + name + "`");
        }
        return d;
    }

    /** All deployments in config order. */
    public List<Deployment> all() {
        return List.copyOf(byName.values());
    }

    @Override
    public void close() {
        closeAll(byName.values());
    }

    private static void closeAll(Collection<Deployment> deployments) {
        for (Deployment d : deployments) {
            try {
                d.provider().close();
            } catch (RuntimeException e) {
                // One provider failing to close must not keep the others open.
                log.warn("closing provider of deployment {} failed: {}", d.name(), e.toString());
            }
        }
    }
}
