package dev.gearbox.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.testing.Fixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttemptPlannerTest {

    private static List<String> labels(List<Candidate> plan) {
        return plan.stream().map(Candidate::label).toList();
    }

    private static Fixture threeTiers(boolean fallbackUp) {
        return Fixture.builder()
                .tier(Tier.FAST, "a1", "a2")
                .tier(Tier.BALANCED, "b1")
                .tier(Tier.FRONTIER, "c1")
                .standalone("x")
                .fallbackUp(fallbackUp)
                .build();
    }

    @Test
    void triesTheTierInOrderThenEachTierAbove() {
        AttemptPlanner planner = threeTiers(true).planner();

        assertThat(labels(planner.plan(Tier.FAST)))
                .containsExactly("a1 (fast)", "a2 (fast)", "b1 (balanced)", "c1 (frontier)");
        assertThat(labels(planner.plan(Tier.BALANCED))).containsExactly("b1 (balanced)", "c1 (frontier)");
        assertThat(labels(planner.plan(Tier.FRONTIER))).containsExactly("c1 (frontier)");
    }

    @Test
    void withoutFallbackUpStaysInTheTier() {
        assertThat(labels(threeTiers(false).planner().plan(Tier.FAST))).containsExactly("a1 (fast)", "a2 (fast)");
    }

    @Test
    void aDeploymentInTwoTiersIsTriedOnceForTheLowerTier() {
        Fixture f = Fixture.builder().tier(Tier.FAST, "a", "shared").tier(Tier.BALANCED, "shared", "b").build();

        assertThat(labels(f.planner().plan(Tier.FAST))).containsExactly("a (fast)", "shared (fast)", "b (balanced)");
    }

    @Test
    void skipsMissingTiersOnTheWayUp() {
        Fixture f = Fixture.builder().tier(Tier.FAST, "a").tier(Tier.FRONTIER, "c").build();

        assertThat(labels(f.planner().plan(Tier.FAST))).containsExactly("a (fast)", "c (frontier)");
    }

    @Test
    void skipsDeploymentsCoolingDownUntilTheCooldownEnds() {
        Fixture f = threeTiers(true);
        f.health.rateLimited("a1", Duration.ofSeconds(5));

        assertThat(labels(f.planner().plan(Tier.FAST))).containsExactly("a2 (fast)", "b1 (balanced)", "c1 (frontier)");
        f.clock.advance(Duration.ofSeconds(5));
        assertThat(labels(f.planner().plan(Tier.FAST))).startsWith("a1 (fast)");
    }

    @Test
    void whenEveryCandidateCoolsDownFailsFastWithNoCapacityAndTheEarliestRetryAfter() {
        Fixture f = threeTiers(false);
        f.health.rateLimited("a1", Duration.ofSeconds(10));
        f.health.rateLimited("a2", Duration.ofMillis(2_500));

        assertThatThrownBy(() -> f.planner().plan(Tier.FAST))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NO_CAPACITY);
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(3));
                    assertThat(e.getMessage()).contains("a1 (fast) for another 10000 ms", "a2 (fast) for another 2500 ms");
                });
    }

    @Test
    void aTierWithNoDeploymentsAnywhereIsNoCapacity() {
        Fixture f = Fixture.builder().tier(Tier.FAST, "a").fallbackUp(true).build();

        assertThatThrownBy(() -> f.planner().plan(Tier.BALANCED))
                .isInstanceOfSatisfying(GatewayException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.NO_CAPACITY));
    }

    @Test
    void pinnedIsExactlyThatDeploymentWithItsTierEvenWhileCoolingDown() {
        Fixture f = threeTiers(true);
        f.health.rateLimited("b1", Duration.ofSeconds(5));

        assertThat(labels(f.planner().pinned("b1"))).containsExactly("b1 (balanced)");
        assertThat(f.planner().pinned("x")).singleElement().satisfies(c -> {
            assertThat(c.tier()).isNull();
            assertThat(c.label()).isEqualTo("x");
        });
    }
}
