package dev.gearbox.core.routing.policy;

import dev.gearbox.config.Tier;
import dev.gearbox.core.gateway.RequestContext;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.routing.TierSelector;
import dev.gearbox.core.routing.rules.FiredRule;
import dev.gearbox.core.routing.rules.RoutingRules;
import dev.gearbox.core.routing.rules.RuleEffect;
import dev.gearbox.core.routing.rules.RuleOutcome;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides {@code model: auto}, in this order, all on {@code executor} (never the caller's thread):
 * <ol>
 *   <li>the override rules; a forcing rule decides alone (no classifier call);</li>
 *   <li>a request with no text to classify (no messages with text, e.g. only images) goes to the
 *       low-confidence tier with confidence 0 and class {@code other};</li>
 *   <li>the classifier; a confidence below {@code confidenceFloor} sends the request to the
 *       low-confidence tier (recorded as rule {@value #LOW_CONFIDENCE}); a classifier that fails
 *       or is overloaded does the same with confidence 0 (rule {@value #UNAVAILABLE});</li>
 *   <li>raises and caps from the rules that fired;</li>
 *   <li>a tier with no deployments configured becomes the nearest configured one, looking up
 *       first (quality is kept), then down.</li>
 * </ol>
 * So every request gets a decision; only a bad {@code x-gearbox-*} header value fails it.
 */
public final class ClassifierTierSelector implements TierSelector {
    public static final String LOW_CONFIDENCE = "low-confidence";
    public static final String UNAVAILABLE = "classifier-unavailable";
    public static final String OTHER_CLASS = "other";
    private static final Logger LOG = LoggerFactory.getLogger(ClassifierTierSelector.class);

    private final RoutingRules rules;
    private final TierClassifier classifier;
    private final double confidenceFloor;
    private final Tier lowConfidenceTier;
    private final Executor executor;
    private final Set<Tier> configuredTiers;

    /** @param configuredTiers the tiers that have deployments; at least one */
    public ClassifierTierSelector(RoutingRules rules, TierClassifier classifier, double confidenceFloor,
                                  Tier lowConfidenceTier, Executor executor, Set<Tier> configuredTiers) {
        if (configuredTiers.isEmpty()) {
            throw new IllegalArgumentException("need at least one configured tier");
        }
        this.rules = rules;
        this.classifier = classifier;
        this.confidenceFloor = confidenceFloor;
        this.lowConfidenceTier = lowConfidenceTier;
        this.executor = executor;
        this.configuredTiers = Set.copyOf(configuredTiers);
    }

    @Override
    public CompletableFuture<RoutingDecision> select(ChatRequest request, RequestContext context) {
        CompletableFuture<RuleOutcome> outcome;
        try {
            outcome = CompletableFuture.supplyAsync(() -> rules.evaluate(request, context.gearboxHeaders()), executor);
        } catch (RejectedExecutionException e) {
            // Overloaded: the rules are cheap, so evaluate them here rather than lose a forced tier or a cap.
            outcome = evaluateHere(request, context);
        }
        return outcome.thenCompose(o -> decide(request, o).thenApply(o::adjust)).thenApply(this::configured);
    }

    private CompletableFuture<RuleOutcome> evaluateHere(ChatRequest request, RequestContext context) {
        try {
            return CompletableFuture.completedFuture(rules.evaluate(request, context.gearboxHeaders()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<RoutingDecision> decide(ChatRequest request, RuleOutcome outcome) {
        Optional<FiredRule> forced = outcome.forced();
        if (forced.isPresent()) {
            Tier tier = ((RuleEffect.Force) forced.get().effect()).tier();
            return CompletableFuture.completedFuture(new RoutingDecision(tier, null, 1.0, null, forced.get().name()));
        }
        if (!hasText(request)) {
            return CompletableFuture.completedFuture(new RoutingDecision(lowConfidenceTier, null, 0.0, OTHER_CLASS, null));
        }
        return classifier.classify(request).handle((verdict, error) -> {
            if (error != null) {
                logFailure(error);
                return new RoutingDecision(lowConfidenceTier, null, 0.0, null, UNAVAILABLE);
            }
            RoutingDecision d = new RoutingDecision(verdict.tier(), verdict.score(), verdict.confidence(),
                    verdict.requestClass(), null);
            return verdict.confidence() < confidenceFloor && d.tier() != lowConfidenceTier
                    ? d.withTier(lowConfidenceTier, LOW_CONFIDENCE) : d;
        });
    }

    private RoutingDecision configured(RoutingDecision decision) {
        if (configuredTiers.contains(decision.tier())) {
            return decision;
        }
        Tier[] tiers = Tier.values();
        for (int i = decision.tier().ordinal() + 1; i < tiers.length; i++) {
            if (configuredTiers.contains(tiers[i])) {
                return decision.withTier(tiers[i], decision.rule());
            }
        }
        for (int i = decision.tier().ordinal() - 1; i >= 0; i--) {
            if (configuredTiers.contains(tiers[i])) {
                return decision.withTier(tiers[i], decision.rule());
            }
        }
        return decision; // unreachable: at least one tier is configured
    }

    /** An overloaded executor is expected under bursts (debug); any other failure is a bug (warn). */
    private void logFailure(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        if (cause instanceof RejectedExecutionException) {
            LOG.debug("classifier queue full, using tier {}", lowConfidenceTier.wire());
        } else {
            LOG.warn("classifier failed, using tier {}: {}", lowConfidenceTier.wire(), cause.toString());
        }
    }

    private static boolean hasText(ChatRequest request) {
        for (Message m : request.messages()) {
            if (!m.text().isBlank()) {
                return true;
            }
        }
        return false;
    }
}
