package dev.gearbox.core.routing.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.RuleConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.ContentPart;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.routing.rules.RoutingRules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The decision order: rules, then (when nothing forced) the classifier, its floor, then raises and caps. */
class ClassifierTierSelectorTest {
    private static final Executor DIRECT = Runnable::run;
    private static final ThresholdPolicy POLICY = new ThresholdPolicy(0.4, 0.8);
    private static final Set<Tier> ALL_TIERS = EnumSet.allOf(Tier.class);

    private final AtomicInteger scored = new AtomicInteger();
    private double nextScore = 0.1;

    private final RequestScorer scorer = request -> {
        scored.incrementAndGet();
        return new RequestScorer.Score(nextScore, "math");
    };

    private ClassifierTierSelector selector(List<RuleConfig> rules, Executor executor) {
        return new ClassifierTierSelector(RoutingRules.fromConfig(rules),
                new ScoringTierClassifier(scorer, POLICY, executor), 0.1, Tier.BALANCED, executor, ALL_TIERS);
    }

    private ClassifierTierSelector selector(RuleConfig... rules) {
        return selector(List.of(rules), DIRECT);
    }

    private static RequestContext headers(Map<String, String> headers) {
        return new RequestContext("req-1", 0, null, headers);
    }

    private static RoutingDecision decide(ClassifierTierSelector selector, ChatRequest request, Map<String, String> h) {
        return selector.select(request, headers(h)).join();
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, text)));
    }

    @Test
    void theClassifiersScoreDecidesWhenNoRuleFires() {
        nextScore = 0.9;

        RoutingDecision d = decide(selector(), ask("prove it"), Map.of());

        assertThat(d).isEqualTo(new RoutingDecision(Tier.FRONTIER, 0.9, 0.5, "math", null));
    }

    @Test
    void aForcingRuleDecidesBeforeAndWithoutTheClassifier() {
        RoutingDecision d = decide(selector(new RuleConfig.Keywords("regulated", List.of("lawsuit"), Tier.FRONTIER)),
                ask("about my lawsuit"), Map.of());

        assertThat(d).isEqualTo(new RoutingDecision(Tier.FRONTIER, null, 1.0, null, "regulated"));
        assertThat(scored).hasValue(0);
    }

    @Test
    void theHeaderForcesATierAndCapsTheCost() {
        ClassifierTierSelector selector = selector(new RuleConfig.Header("header"));
        nextScore = 0.95;

        assertThat(decide(selector, ask("hi"), Map.of("x-gearbox-tier", "fast")).tier()).isEqualTo(Tier.FAST);
        RoutingDecision capped = decide(selector, ask("hard"), Map.of("x-gearbox-max-tier", "balanced"));
        assertThat(capped).extracting(RoutingDecision::tier, RoutingDecision::score, RoutingDecision::rule)
                .containsExactly(Tier.BALANCED, 0.95, "header");
    }

    @Test
    void aBadHeaderFailsTheDecisionWithA400() {
        CompletableFuture<RoutingDecision> d = selector(new RuleConfig.Header("header"))
                .select(ask("hi"), headers(Map.of("x-gearbox-tier", "gold")));

        assertThat(d).failsWithin(Duration.ZERO).withThrowableThat().havingRootCause()
                .isInstanceOf(GatewayException.class);
    }

    @Test
    void lowConfidenceGoesToTheConfiguredTier() {
        nextScore = 0.39; // fast, but 0.025 from the threshold: confidence below the 0.1 floor

        RoutingDecision d = decide(selector(), ask("hmm"), Map.of());

        assertThat(d.tier()).isEqualTo(Tier.BALANCED);
        assertThat(d.rule()).isEqualTo(ClassifierTierSelector.LOW_CONFIDENCE);
        assertThat(d.score()).isEqualTo(0.39);
    }

    @Test
    void depthRaisesLowConfidenceDecisionsButNotConfidentOnes() {
        ClassifierTierSelector selector = selector(new RuleConfig.Depth("long", 2, 1, 0.8));
        ChatRequest deep = ChatRequest.of("auto", List.of(Message.of(Role.USER, "a"),
                Message.of(Role.ASSISTANT, "b"), Message.of(Role.USER, "c")));

        nextScore = 0.2; // fast, confidence 0.5
        assertThat(decide(selector, deep, Map.of())).extracting(RoutingDecision::tier, RoutingDecision::rule)
                .containsExactly(Tier.BALANCED, "long");
        nextScore = 0.02; // fast, confidence 0.95
        assertThat(decide(selector, deep, Map.of())).extracting(RoutingDecision::tier, RoutingDecision::rule)
                .containsExactly(Tier.FAST, null);
    }

    @Test
    void toolsGetTheMinimumTier() {
        ChatRequest withTools = new ChatRequest("auto", ask("weather").messages(), false, false,
                List.of(dev.gearbox.core.model.Tool.function("weather", null, null)), null, null, null, null, null,
                null, null, null, null, null, null, Map.of());

        RoutingDecision d = decide(selector(new RuleConfig.MinTierForTools("tools", Tier.BALANCED)), withTools, Map.of());

        assertThat(d).extracting(RoutingDecision::tier, RoutingDecision::rule).containsExactly(Tier.BALANCED, "tools");
    }

    @Test
    void noUserTextOrOnlyImagesGetTheLowConfidenceTierWithoutTheClassifier() {
        ChatRequest empty = ChatRequest.of("auto", List.of(Message.of(Role.USER, "  ")));
        ChatRequest images = ChatRequest.of("auto", List.of(new Message(Role.USER,
                new Content.Parts(List.of(new ContentPart.ImageUrl("https://example.com/cat.png", null))),
                null, List.of(), null, Map.of())));

        for (ChatRequest request : List.of(empty, images)) {
            assertThat(decide(selector(), request, Map.of()))
                    .isEqualTo(new RoutingDecision(Tier.BALANCED, null, 0.0, "other", null));
        }
        assertThat(scored).hasValue(0);
    }

    @Test
    void aTierWithoutDeploymentsBecomesTheNearestConfiguredOneUpFirst() {
        RoutingRules none = RoutingRules.fromConfig(List.of());
        TierClassifier classifier = new ScoringTierClassifier(scorer, POLICY, DIRECT);
        ClassifierTierSelector noFast = new ClassifierTierSelector(none, classifier, 0, Tier.BALANCED, DIRECT,
                EnumSet.of(Tier.BALANCED, Tier.FRONTIER));
        ClassifierTierSelector noFrontier = new ClassifierTierSelector(none, classifier, 0, Tier.BALANCED, DIRECT,
                EnumSet.of(Tier.FAST, Tier.BALANCED));

        nextScore = 0.1;
        assertThat(decide(noFast, ask("hi"), Map.of()).tier()).isEqualTo(Tier.BALANCED);
        nextScore = 0.95;
        assertThat(decide(noFrontier, ask("prove"), Map.of()).tier()).isEqualTo(Tier.BALANCED);
    }

    @Test
    void aFailingClassifierStillGivesADecision() {
        ClassifierTierSelector selector = new ClassifierTierSelector(RoutingRules.fromConfig(List.of()),
                request -> CompletableFuture.failedFuture(new IllegalStateException("model broke")),
                0.1, Tier.BALANCED, DIRECT, ALL_TIERS);

        assertThat(decide(selector, ask("hi"), Map.of()))
                .isEqualTo(new RoutingDecision(Tier.BALANCED, null, 0.0, null, ClassifierTierSelector.UNAVAILABLE));
    }

    @Test
    void aFullExecutorStillGivesADecisionAndKeepsTheRules() {
        Executor full = task -> {
            throw new RejectedExecutionException("queue full");
        };

        RoutingDecision d = decide(selector(List.of(new RuleConfig.Header("header")), full), ask("hi"),
                Map.of("x-gearbox-max-tier", "fast"));

        assertThat(d).extracting(RoutingDecision::tier, RoutingDecision::rule).containsExactly(Tier.FAST, "header");
    }

    @Test
    void classificationRunsOnTheExecutorNotTheCaller() {
        List<Runnable> queued = new ArrayList<>();
        CompletableFuture<RoutingDecision> d = selector(List.of(), queued::add).select(ask("hi"), headers(Map.of()));

        assertThat(d).isNotDone();
        while (!queued.isEmpty()) {
            queued.remove(0).run();
        }
        assertThat(d).isCompleted();
        assertThat(scored).hasValue(1);
    }
}
