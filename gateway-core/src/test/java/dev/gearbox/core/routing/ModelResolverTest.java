package dev.gearbox.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.testing.Fixture;
import org.junit.jupiter.api.Test;

class ModelResolverTest {
    private final GearboxConfig config = Fixture.builder()
            .tier(Tier.FAST, "sim-a")
            .tier(Tier.FRONTIER, "sim-c")
            .standalone("sim-x")
            .config();
    private final ModelResolver resolver = new ModelResolver(config);

    @Test
    void autoGoesToTheRouter() {
        assertThat(resolver.resolve("auto")).isEqualTo(new Target.AutoTarget());
    }

    @Test
    void aConfiguredTierNameIsATierTarget() {
        assertThat(resolver.resolve("fast")).isEqualTo(new Target.TierTarget(Tier.FAST));
        assertThat(resolver.resolve("frontier")).isEqualTo(new Target.TierTarget(Tier.FRONTIER));
    }

    @Test
    void aDeploymentNameIsPinned() {
        assertThat(resolver.resolve("sim-a")).isEqualTo(new Target.PinnedTarget("sim-a"));
        assertThat(resolver.resolve("sim-x")).isEqualTo(new Target.PinnedTarget("sim-x"));
    }

    @Test
    void anUnknownModelIsModelNotFoundOnParamModel() {
        assertThatThrownBy(() -> resolver.resolve("gpt-4o"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.MODEL_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.param()).isEqualTo("model");
                    assertThat(e.code()).isEqualTo("model_not_found");
                    assertThat(e.getMessage()).isEqualTo("The model `gpt-4o` does not exist. Use auto, a tier"
                            + " (fast, balanced, frontier) or a deployment name; see GET /v1/models.");
                });
    }

    @Test
    void aTierWithoutDeploymentsIsNotFoundAndSaysWhy() {
        assertThatThrownBy(() -> resolver.resolve("balanced"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.MODEL_NOT_FOUND);
                    assertThat(e.getMessage()).contains("tier `balanced` has no deployments");
                });
    }

    @Test
    void aMissingModelIsAnInvalidRequest() {
        assertThatThrownBy(() -> resolver.resolve(" "))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
                    assertThat(e.param()).isEqualTo("model");
                });
        assertThatThrownBy(() -> resolver.resolve(null)).isInstanceOf(GatewayException.class);
    }

    @Test
    void listsAutoConfiguredTiersThenDeployments() {
        assertThat(resolver.modelIds()).containsExactly("auto", "fast", "frontier", "sim-a", "sim-c", "sim-x");
    }
}
