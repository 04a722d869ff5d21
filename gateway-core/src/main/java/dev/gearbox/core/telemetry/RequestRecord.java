package dev.gearbox.core.telemetry;

import dev.gearbox.core.cost.RequestCost;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.routing.ModelResolver;
import java.time.Instant;

/**
 * Everything known about one finished chat request, handed to every {@link RequestRecorder} once
 * the client has its answer (or its error, or went away).
 *
 * @param tenant          the tenant id from the request context, never an API key
 * @param outcome         {@code ok}, {@code cancelled} or an error kind's metric tag
 * @param errorMessage    the client-facing error message, null on success
 * @param route           where the request went; null when it failed before any deployment answered
 * @param usage           the final answer's tokens, null when none was reported
 * @param answer          the answer text, null unless text capture is on
 * @param totalNanos      arrival to last byte
 * @param firstTokenNanos arrival to the first streamed chunk, -1 when not streamed or none came
 */
public record RequestRecord(String requestId, Instant receivedAt, String tenant, ChatRequest request, boolean stream,
                            String outcome, String errorMessage, RouteInfo route, Usage usage, String answer,
                            long totalNanos, long firstTokenNanos, RequestCost cost) {
    /** The class tag of requests the classifier did not label (pinned models, router off, failures). */
    public static final String UNCLASSIFIED = "unclassified";

    /** The request class (code, math, ...), {@link #UNCLASSIFIED} when none was decided. */
    public String requestClass() {
        if (route == null || route.decision() == null || route.decision().requestClass() == null) {
            return UNCLASSIFIED;
        }
        return route.decision().requestClass();
    }

    /** The client asked for {@code model: auto}. */
    public boolean auto() {
        return ModelResolver.AUTO.equals(request.model());
    }

    public boolean succeeded() {
        return "ok".equals(outcome);
    }

    public boolean cacheHit() {
        return route != null && route.cache() != null && route.cache().status().hit();
    }

    /** Nanoseconds spent waiting on upstreams. */
    public long upstreamNanos() {
        return route == null ? 0 : route.upstreamNanos();
    }

    /** Gearbox's own share of the latency: total minus upstream, never negative. */
    public long overheadNanos() {
        return Math.max(0, totalNanos - upstreamNanos());
    }
}
