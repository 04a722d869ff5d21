package dev.gearbox.providers.contract;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.providers.simulator.SimulatorProvider;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The simulator has no wire: its answers are generated, so content is checked for shape and
 * faults cannot be replayed; and its model calls one tool per answer.
 */
class SimulatorContractTest extends ProviderContractTest {
    /** Instant answers, so the suite does not wait for simulated generation. */
    private static final SimulatorSettings INSTANT = new SimulatorSettings(Duration.ZERO, 1_000_000, 12, 0.0, 7L);

    @Override
    protected ChatProvider provider(ContractTarget target) {
        DeploymentConfig deployment = new DeploymentConfig("contract-sim", ProviderKind.SIMULATOR, null, null,
                target.model(), null, null, Map.of(), INSTANT);
        return new SimulatorProvider(deployment, target.scheduler(), target.clock());
    }

    @Override
    protected String fixtureRoot() {
        return null;
    }

    @Override
    protected Set<Capability> unsupported() {
        return EnumSet.of(Capability.WIRE, Capability.PARALLEL_TOOL_CALLS);
    }
}
