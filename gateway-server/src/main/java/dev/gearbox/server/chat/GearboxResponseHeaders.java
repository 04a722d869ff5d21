package dev.gearbox.server.chat;

import dev.gearbox.core.cache.CacheResult;
import dev.gearbox.core.cascade.CascadeTrace;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.routing.RoutingDecision;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;

/**
 * The {@code x-gearbox-*} headers that say how a request was served: tier, deployment, number of
 * attempts, the time Gearbox itself added ({@code overhead-ms}: elapsed minus upstream time), and
 * for {@code model: auto} the routing decision ({@code score}, {@code class}, {@code rule}); for a
 * cascaded request whether it escalated and the deciding gate verdict ({@code gate}: {@code json:invalid_json},
 * {@code empty:accepted}), {@code tier} then being the tier whose answer was returned; and when the
 * cache stage ran, its outcome ({@code cache}, {@code cache-similarity}).
 */
final class GearboxResponseHeaders {
    static final String TIER = "x-gearbox-tier";
    static final String DEPLOYMENT = "x-gearbox-deployment";
    static final String ATTEMPTS = "x-gearbox-attempts";
    static final String OVERHEAD_MS = "x-gearbox-overhead-ms";
    static final String SCORE = "x-gearbox-score";
    static final String CLASS = "x-gearbox-class";
    static final String RULE = "x-gearbox-rule";
    static final String ESCALATED = "x-gearbox-escalated";
    static final String GATE = "x-gearbox-gate";
    static final String CACHE = "x-gearbox-cache";
    static final String CACHE_SIMILARITY = "x-gearbox-cache-similarity";

    private GearboxResponseHeaders() {
    }

    /** Sets the headers for {@code route} after {@code elapsedNanos} since the request arrived. */
    static void apply(HttpHeaders headers, RouteInfo route, long elapsedNanos) {
        if (route == null) {
            return;
        }
        if (route.tier() != null) {
            headers.set(TIER, route.tier().wire());
        }
        if (route.deployment() != null) {
            headers.set(DEPLOYMENT, route.deployment());
        }
        headers.set(ATTEMPTS, Integer.toString(route.attempts().size()));
        headers.set(OVERHEAD_MS, millis(elapsedNanos - route.upstreamNanos()));
        applyDecision(headers, route.decision());
        applyCascade(headers, route.cascade());
        applyCache(headers, route.cache());
    }

    /** How the caches served it ({@code hit-exact}, {@code hit-semantic}, {@code miss}, {@code bypass}); the similarity of a semantic hit. */
    private static void applyCache(HttpHeaders headers, CacheResult cache) {
        if (cache == null) {
            return;
        }
        headers.set(CACHE, cache.status().wire());
        if (cache.similarity() != null) {
            headers.set(CACHE_SIMILARITY, String.format(Locale.ROOT, "%.4f", cache.similarity()));
        }
    }

    /** {@code escalated} always; {@code gate} when a gate decided (bounded names and reason codes only). */
    private static void applyCascade(HttpHeaders headers, CascadeTrace cascade) {
        if (cascade == null) {
            return;
        }
        headers.set(ESCALATED, Boolean.toString(cascade.escalated()));
        GateVerdict deciding = cascade.deciding();
        if (deciding instanceof GateVerdict.Escalate e) {
            headers.set(GATE, e.gate() + ":" + e.reason());
        } else if (deciding != null) {
            headers.set(GATE, deciding.gate() + ":accepted");
        }
    }

    /** How {@code auto} was decided: the classifier's score (3 decimals), the request class, the rule that fired. */
    private static void applyDecision(HttpHeaders headers, RoutingDecision decision) {
        if (decision == null) {
            return;
        }
        if (decision.score() != null) {
            headers.set(SCORE, String.format(Locale.ROOT, "%.3f", decision.score()));
        }
        if (decision.requestClass() != null) {
            headers.set(CLASS, decision.requestClass());
        }
        if (decision.rule() != null) {
            headers.set(RULE, decision.rule());
        }
    }

    /** Nanoseconds as milliseconds with two decimals ("0.42"); never negative. */
    static String millis(long nanos) {
        long hundredths = Math.round(Math.max(0, nanos) / 10_000.0);
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
