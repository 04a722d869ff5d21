package dev.gearbox.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Price;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.RoutingConfig;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.config.TelemetryConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.config.TierConfig;
import dev.gearbox.core.cache.CacheResult;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.Usage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cost of the answering attempt at list prices, and the same tokens at the baseline's prices. */
class CostAccountantTest {
    private static final double EPS = 1e-12;
    private static final PriceTable PRICES = new PriceTable(Map.of(
            "cheap", new Price(0.5, 1.5),
            "mid", new Price(1.0, 2.0),
            "frontier", new Price(3.0, 15.0)));
    private final CostAccountant accountant = new CostAccountant(PRICES, "frontier");

    @Test
    void pricesTheAnsweringAttemptAndTheBaseline() {
        RouteInfo route = new RouteInfo(Tier.FAST, "cheap", List.of(ok("cheap", Tier.FAST)), 1_000_000);

        RequestCost cost = accountant.cost(route, Usage.of(1_000, 500), false);

        assertThat(cost.costUsd()).isCloseTo((1_000 * 0.5 + 500 * 1.5) / 1e6, within(EPS));
        assertThat(cost.baselineUsd()).isCloseTo((1_000 * 3.0 + 500 * 15.0) / 1e6, within(EPS));
        assertThat(cost.savingsUsd()).isCloseTo((10_500 - 1_250) / 1e6, within(EPS));
        assertThat(cost.attempts()).containsExactly(new AttemptCost("cheap", 1_000, 500, cost.costUsd()));
    }

    @Test
    void failedAttemptsAreListedButNotBilled() {
        RouteInfo route = new RouteInfo(Tier.BALANCED, "mid", List.of(
                new Attempt("cheap", Tier.FAST, 5, ErrorKind.UPSTREAM_UNAVAILABLE, 503, "HTTP 503"),
                ok("mid", Tier.BALANCED)), 10);

        RequestCost cost = accountant.cost(route, Usage.of(1_000_000, 0), false);

        assertThat(cost.attempts()).extracting(AttemptCost::costUsd).containsExactly(0.0, 1.0);
        assertThat(cost.costUsd()).isEqualTo(1.0);
        assertThat(cost.baselineUsd()).isEqualTo(3.0);
    }

    @Test
    void aCacheHitCostsNothingAndSavesItsWholeBaseline() {
        RouteInfo route = new RouteInfo(Tier.FAST, "cheap", List.of(), 0).withCache(CacheResult.HIT_EXACT);

        RequestCost cost = accountant.cost(route, Usage.of(0, 1_000_000), true);

        assertThat(cost.costUsd()).isZero();
        assertThat(cost.baselineUsd()).isEqualTo(15.0);
        assertThat(cost.savingsUsd()).isEqualTo(15.0);
    }

    @Test
    void withoutUsageNothingIsCounted() {
        RouteInfo route = new RouteInfo(Tier.FAST, "cheap", List.of(ok("cheap", Tier.FAST)), 1);

        assertThat(accountant.cost(route, null, false)).isEqualTo(
                new RequestCost(List.of(new AttemptCost("cheap", 0, 0, 0)), 0, 0));
    }

    @Test
    void withoutABaselineNoSavingsAreClaimed() {
        CostAccountant noBaseline = new CostAccountant(PRICES, null);
        RouteInfo route = new RouteInfo(Tier.FAST, "cheap", List.of(ok("cheap", Tier.FAST)), 1);

        RequestCost cost = noBaseline.cost(route, Usage.of(1_000_000, 0), false);

        assertThat(cost.baselineUsd()).isEqualTo(cost.costUsd()).isEqualTo(0.5);
    }

    @Test
    void theBaselineIsTheConfiguredDeploymentElseTheFirstFrontierOne() {
        GearboxConfig config = new GearboxConfig(ServerConfig.DEFAULT,
                List.of(deployment("cheap"), deployment("frontier"), deployment("frontier-2")),
                Map.of(Tier.FAST, new TierConfig(List.of("cheap")),
                        Tier.FRONTIER, new TierConfig(List.of("frontier", "frontier-2"))),
                new RoutingConfig(Tier.FAST, true));

        assertThat(BaselineDeployment.of(config)).contains("frontier");
        assertThat(BaselineDeployment.of(config.withTelemetry(new TelemetryConfig(
                TelemetryConfig.DEFAULT.decisionLog(), TelemetryConfig.DEFAULT.shadow(), "cheap")))).contains("cheap");
        assertThat(PriceTable.of(config).price("cheap")).isEqualTo(new Price(0.25, 1.25));
        assertThat(PriceTable.of(config).price("unknown")).isEqualTo(Price.FREE);
    }

    private static Attempt ok(String deployment, Tier tier) {
        return new Attempt(deployment, tier, 1_000_000, null, 200, null);
    }

    private static DeploymentConfig deployment(String name) {
        return new DeploymentConfig(name, ProviderKind.SIMULATOR, null, null, name, new Price(0.25, 1.25), null, null,
                SimulatorSettings.DEFAULT);
    }
}
