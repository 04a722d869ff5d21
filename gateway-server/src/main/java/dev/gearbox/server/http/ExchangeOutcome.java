package dev.gearbox.server.http;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.metrics.MeterTags;

/**
 * How an exchange ended, for metrics: the HTTP status, the tier and deployment that answered
 * (null when none did) and a bounded outcome word: {@code ok}, {@code cancelled} (the client went
 * away) or an error kind's metric tag, as the gateway's own meters use them.
 */
public record ExchangeOutcome(int status, Tier tier, String deployment, String outcome) {
    public static final String SUCCESS = MeterTags.OK;
    public static final String CLIENT_CLOSED = MeterTags.CANCELLED;
    /** nginx's convention for "the client closed the connection before the response". */
    public static final int CLIENT_CLOSED_STATUS = 499;

    public static ExchangeOutcome success(int status) {
        return new ExchangeOutcome(status, null, null, SUCCESS);
    }

    public static ExchangeOutcome success(int status, RouteInfo route) {
        return new ExchangeOutcome(status, tierOf(route), deploymentOf(route), SUCCESS);
    }

    public static ExchangeOutcome failure(int status, GatewayException error, RouteInfo route) {
        return new ExchangeOutcome(status, tierOf(route), deploymentOf(route), error.kind().metricTag());
    }

    public static ExchangeOutcome clientClosed() {
        return new ExchangeOutcome(CLIENT_CLOSED_STATUS, null, null, CLIENT_CLOSED);
    }

    private static Tier tierOf(RouteInfo route) {
        return route == null ? null : route.tier();
    }

    private static String deploymentOf(RouteInfo route) {
        return route == null ? null : route.deployment();
    }
}
