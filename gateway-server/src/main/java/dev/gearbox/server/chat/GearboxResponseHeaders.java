package dev.gearbox.server.chat;

import dev.gearbox.core.gateway.RouteInfo;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The {@code x-gearbox-*} headers that say how a request was served: tier, deployment, number of
 * attempts, and the time Gearbox itself added ({@code overhead-ms}: elapsed minus upstream time).
 */
final class GearboxResponseHeaders {
    static final String TIER = "x-gearbox-tier";
    static final String DEPLOYMENT = "x-gearbox-deployment";
    static final String ATTEMPTS = "x-gearbox-attempts";
    static final String OVERHEAD_MS = "x-gearbox-overhead-ms";

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
    }

    /** Nanoseconds as milliseconds with two decimals ("0.42"); never negative. */
    static String millis(long nanos) {
        long hundredths = Math.round(Math.max(0, nanos) / 10_000.0);
        long fraction = hundredths % 100;
        return (hundredths / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }
}
