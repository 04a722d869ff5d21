package dev.gearbox.server;

import dev.gearbox.classifier.requestclass.RequestClass;
import dev.gearbox.classifier.runtime.EmbeddedRouter;
import dev.gearbox.classifier.runtime.RouterLoadException;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.LlmClassifierConfig;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.config.Thresholds;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.routing.DeploymentRegistry;
import dev.gearbox.core.routing.TierSelector;
import dev.gearbox.core.routing.policy.ClassifierTierSelector;
import dev.gearbox.core.routing.policy.LlmTierClassifier;
import dev.gearbox.core.routing.policy.RequestScorer;
import dev.gearbox.core.routing.policy.ScoreDistribution;
import dev.gearbox.core.routing.policy.ScoringTierClassifier;
import dev.gearbox.core.routing.policy.ThresholdPolicy;
import dev.gearbox.core.routing.policy.TierClassifier;
import dev.gearbox.core.routing.rules.RoutingRules;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the tier selector for {@code model: auto} from the {@code router} config: with the router
 * off, the fixed {@code routing.default_tier}; on, the embedded model (loaded here, before the port
 * is bound) on its own bounded executor, the calibrated thresholds, the optional LLM classifier and
 * the override rules. A model that cannot be loaded fails the start with a {@link RouterLoadException}.
 */
final class RouterSetup {
    private static final Logger LOG = LoggerFactory.getLogger(RouterSetup.class);
    private static final int WARM_UP_ROUNDS = 24;
    private static final String[] WARM_UP_PROMPTS = {
        "What is the capital of France?",
        "Write a Python function that merges two sorted lists and explain its complexity.",
        "A train leaves at 3 pm at 60 km/h; another leaves at 4 pm at 90 km/h. When does it catch up?",
        "Draft a short, friendly email declining a meeting invitation.",
    };

    private RouterSetup() {
    }

    /** The selector; whatever it starts (the executor) is pushed onto {@code resources} for shutdown. */
    static TierSelector create(GearboxConfig config, DeploymentRegistry deployments, Deque<AutoCloseable> resources) {
        return create(config, deployments, new ClassifierServices(resources));
    }

    /** The selector, embedding with (and running on) the classifier {@code services} other stages share. */
    static TierSelector create(GearboxConfig config, DeploymentRegistry deployments, ClassifierServices services) {
        RouterConfig router = config.router();
        if (!router.enabled()) {
            return TierSelector.fixed(config.routing().defaultTier());
        }
        long start = System.nanoTime();
        EmbeddedRouter embedded = EmbeddedRouter.load(router.model(), services.embeddings());
        ThresholdPolicy policy = policy(router, embedded.calibration().map(c -> c.distribution()).orElse(null));
        warmUp(embedded.scorer());
        ThreadPoolExecutor executor = services.executor();
        TierClassifier classifier = new ScoringTierClassifier(embedded.scorer(), policy, executor);
        LlmClassifierConfig llm = router.llm();
        if (llm != null) {
            Set<String> classes = Arrays.stream(RequestClass.values()).map(RequestClass::tag).collect(Collectors.toSet());
            classifier = new LlmTierClassifier(deployments.get(llm.deployment()).provider(), llm.timeout(), classifier, classes);
        }
        LOG.info("router ready in {} ms: model {}, fast below {}, frontier from {}, {} rule(s){}",
                (System.nanoTime() - start) / 1_000_000, router.model(), format(policy.balancedAbove()),
                format(policy.frontierAbove()), router.rules().size(),
                llm == null ? "" : ", LLM classifier " + llm.deployment());
        return new ClassifierTierSelector(RoutingRules.fromConfig(router.rules()), classifier,
                router.confidenceFloor(), router.lowConfidenceTier(), executor, configuredTiers(config));
    }

    /**
     * Scores a few varied prompts before the port is bound: the first ONNX runs and the JIT cost
     * about 200 ms, which would otherwise land on the first clients.
     */
    private static void warmUp(RequestScorer scorer) {
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            String text = WARM_UP_PROMPTS[i % WARM_UP_PROMPTS.length] + " (" + i + ")";
            scorer.score(ChatRequest.of("auto", List.of(Message.of(Role.USER, text))));
        }
    }

    private static ThresholdPolicy policy(RouterConfig router, ScoreDistribution calibration) {
        if (router.thresholds() instanceof Thresholds.Shares && calibration == null) {
            throw new RouterLoadException("router.thresholds: target shares need calibration scores for '" + router.model()
                    + "' (a file '" + router.model() + ".calibration.json', written by CalibrateRouter); "
                    + "generate them, or give balanced_above and frontier_above");
        }
        return ThresholdPolicy.of(router.thresholds(), calibration);
    }

    private static Set<Tier> configuredTiers(GearboxConfig config) {
        Set<Tier> tiers = EnumSet.noneOf(Tier.class);
        for (Tier t : Tier.values()) {
            if (!config.tierDeployments(t).isEmpty()) {
                tiers.add(t);
            }
        }
        return tiers;
    }

    private static String format(double threshold) {
        return threshold > 1 ? "never" : String.format(Locale.ROOT, "%.3f", threshold);
    }
}
