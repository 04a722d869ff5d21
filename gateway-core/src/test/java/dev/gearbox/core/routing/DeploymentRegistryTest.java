package dev.gearbox.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.core.testing.Fixture;
import dev.gearbox.core.testing.ScriptedProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentRegistryTest {

    @Test
    void createsOneProviderPerDeploymentInConfigOrderAndClosesThemAll() {
        List<ScriptedProvider> created = new ArrayList<>();
        GearboxConfig config = Fixture.builder().tier(Tier.FAST, "a", "b").standalone("x").config();

        DeploymentRegistry registry = DeploymentRegistry.create(config, d -> {
            ScriptedProvider p = new ScriptedProvider(d.name());
            created.add(p);
            return p;
        });

        assertThat(registry.all()).extracting(Deployment::name).containsExactly("a", "b", "x");
        assertThat(registry.get("b").config().model()).isEqualTo("b-model");
        assertThat(registry.find("nope")).isEmpty();
        registry.close();
        assertThat(created).allMatch(ScriptedProvider::closed);
    }

    @Test
    void aTierNamingAnUnknownDeploymentIsRejectedWithItsPath() {
        GearboxConfig config = new GearboxConfig(ServerConfig.DEFAULT, List.of(Fixture.deployment("a")),
                Map.of(Tier.FAST, new TierConfig(List.of("a", "ghost"))), RoutingConfig.DEFAULT);

        assertThatThrownBy(() -> DeploymentRegistry.create(config, d -> new ScriptedProvider(d.name())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("tiers.fast.deployments[1]: unknown deployment `ghost`");
    }

    @Test
    void whenTheFactoryFailsTheProvidersAlreadyCreatedAreClosed() {
        List<ScriptedProvider> created = new ArrayList<>();
        GearboxConfig config = Fixture.builder().tier(Tier.FAST, "a", "b").config();

        assertThatThrownBy(() -> DeploymentRegistry.create(config, d -> {
            if (d.name().equals("b")) {
                throw new IllegalStateException("no key for b");
            }
            ScriptedProvider p = new ScriptedProvider(d.name());
            created.add(p);
            return p;
        })).hasMessage("no key for b");
        assertThat(created).singleElement().matches(ScriptedProvider::closed);
    }
}
