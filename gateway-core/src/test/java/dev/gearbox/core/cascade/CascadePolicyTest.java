package dev.gearbox.core.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.CascadeConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.routing.RoutePlan;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.routing.policy.ClassifierTierSelector;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CascadePolicyTest {
    private static final Set<Tier> ALL = EnumSet.allOf(Tier.class);
    private static final ChatRequest REQUEST = ChatRequest.of("auto", List.of(Message.of(Role.USER, "hi")));

    private static CascadeConfig config(Tier start, int maxEscalations, Set<String> classes, CascadeConfig.Streams streams) {
        return new CascadeConfig(true, start, Tier.FRONTIER, maxEscalations, CascadeConfig.Hint.REASON, classes, streams,
                CascadeConfig.DEFAULT_GATES);
    }

    private static final CascadePolicy DEFAULT = new CascadePolicy(
            config(Tier.FAST, 2, Set.of("math", "other"), CascadeConfig.Streams.BUFFER), ALL);

    private static RoutePlan routed(RoutingDecision decision) {
        return new RoutePlan(List.of(), decision);
    }

    private static RoutingDecision decided(Tier tier, String requestClass, String rule) {
        return new RoutingDecision(tier, 0.5, 0.5, requestClass, rule);
    }

    @Test
    void autoRequestsOfACascadingClassCascadeFromTheStartTier() {
        DispatchPlan plan = DEFAULT.plan(REQUEST, routed(decided(Tier.BALANCED, "math", null)));

        assertThat(plan).isEqualTo(new DispatchPlan.Cascade(List.of(Tier.FAST, Tier.BALANCED, Tier.FRONTIER),
                decided(Tier.BALANCED, "math", null)));
    }

    @Test
    void pinnedModelsAndNamedTiersAreRouted() {
        RoutePlan pinned = routed(null);
        assertThat(DEFAULT.plan(REQUEST, pinned)).isEqualTo(new DispatchPlan.Route(pinned));
    }

    @Test
    void aTierForcedByARuleIsRoutedButLowConfidenceMayCascade() {
        assertThat(DEFAULT.plan(REQUEST, routed(decided(Tier.FRONTIER, "math", "regulated"))))
                .isInstanceOf(DispatchPlan.Route.class);
        assertThat(DEFAULT.plan(REQUEST, routed(decided(Tier.BALANCED, "math", ClassifierTierSelector.LOW_CONFIDENCE))))
                .isInstanceOf(DispatchPlan.Cascade.class);
        assertThat(DEFAULT.plan(REQUEST, routed(decided(Tier.BALANCED, null, ClassifierTierSelector.UNAVAILABLE))))
                .as("unclassified counts as other").isInstanceOf(DispatchPlan.Cascade.class);
    }

    @Test
    void otherClassesAreRouted() {
        assertThat(DEFAULT.plan(REQUEST, routed(decided(Tier.FAST, "extraction", null))))
                .isInstanceOf(DispatchPlan.Route.class);
    }

    @Test
    void streamsCascadeOnlyWhenBuffered() {
        ChatRequest stream = REQUEST.withStream(true, false);
        CascadePolicy routeStreams = new CascadePolicy(config(Tier.FAST, 2, Set.of("math"), CascadeConfig.Streams.ROUTE), ALL);

        assertThat(DEFAULT.plan(stream, routed(decided(Tier.FAST, "math", null)))).isInstanceOf(DispatchPlan.Cascade.class);
        assertThat(routeStreams.plan(stream, routed(decided(Tier.FAST, "math", null)))).isInstanceOf(DispatchPlan.Route.class);
        assertThat(routeStreams.plan(REQUEST, routed(decided(Tier.FAST, "math", null)))).isInstanceOf(DispatchPlan.Cascade.class);
    }

    @Test
    void theRouterMayPickTheStartAndNothingAboveTheCeilingIsTried() {
        CascadePolicy fromRouter = new CascadePolicy(config(null, 2, Set.of("math"), CascadeConfig.Streams.BUFFER), ALL);

        assertThat(fromRouter.plan(REQUEST, routed(decided(Tier.BALANCED, "math", null))))
                .isEqualTo(new DispatchPlan.Cascade(List.of(Tier.BALANCED, Tier.FRONTIER), decided(Tier.BALANCED, "math", null)));
        assertThat(fromRouter.plan(REQUEST, routed(decided(Tier.FRONTIER, "math", null))))
                .as("already at the ceiling").isInstanceOf(DispatchPlan.Route.class);
    }

    @Test
    void escalationDepthAndUnconfiguredTiersBoundTheTiers() {
        CascadePolicy oneStep = new CascadePolicy(config(Tier.FAST, 1, Set.of("math"), CascadeConfig.Streams.BUFFER), ALL);
        CascadePolicy noBalanced = new CascadePolicy(config(Tier.FAST, 1, Set.of("math"), CascadeConfig.Streams.BUFFER),
                EnumSet.of(Tier.FAST, Tier.FRONTIER));

        assertThat(((DispatchPlan.Cascade) oneStep.plan(REQUEST, routed(decided(Tier.FAST, "math", null)))).tiers())
                .containsExactly(Tier.FAST, Tier.BALANCED);
        assertThat(((DispatchPlan.Cascade) noBalanced.plan(REQUEST, routed(decided(Tier.FAST, "math", null)))).tiers())
                .containsExactly(Tier.FAST, Tier.FRONTIER);
    }

    @Test
    void aDisabledCascadeRoutesEverything() {
        assertThat(CascadePolicy.disabled().plan(REQUEST, routed(decided(Tier.FAST, "math", null))))
                .isInstanceOf(DispatchPlan.Route.class);
    }
}
