package dev.gearbox.core.cache;

import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.ChatResponse;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a missed request's answer goes once it is complete: the exact cache under {@code exactKey}
 * and the semantic cache under {@code semanticQuery} with the prompt's {@code embedding} (each null
 * when that cache does not take it). Semantic stores run on {@code writer}, off the caller's thread.
 */
record StorePlan(ExactCache exact, ExactKey exactKey, SemanticCache semantic, SemanticScopes.SemanticQuery semanticQuery,
                 PromptEmbedding embedding, StorePolicy policy, Executor writer) {
    private static final Logger LOG = LoggerFactory.getLogger(StorePlan.class);

    static StorePlan none() {
        return new StorePlan(null, null, null, null, null, new StorePolicy(false), Runnable::run);
    }

    boolean storesAnything() {
        return exactKey != null || embedding != null;
    }

    void store(ChatResponse response, RouteInfo route) {
        if (!storesAnything() || !policy.storable(response)) {
            return;
        }
        CachedAnswer answer = CachedAnswer.of(response, route.tier(), route.deployment(), route.decision());
        if (exactKey != null) {
            exact.put(exactKey, answer);
        }
        if (embedding != null) {
            try {
                writer.execute(() -> semantic.store(semanticQuery.scope(), embedding, semanticQuery.prompt(), answer));
            } catch (RejectedExecutionException e) {
                LOG.debug("semantic cache writer busy; answer not stored");
            }
        }
    }
}
