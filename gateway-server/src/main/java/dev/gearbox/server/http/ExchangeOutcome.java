package dev.gearbox.server.http;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.RouteInfo;

/**
 * How an exchange ended, for metrics: the HTTP status, the tier and deployment that answered
 * (null when none did) and a bounded outcome word ({@code success}, an error kind's metric tag,
 * or {@code client_closed}).
 */
public record ExchangeOutcome(int status, Tier tier, String deployment, String outcome) {
    public static final String SUCCESS = "success";
    public static final String CLIENT_CLOSED = "client_closed";
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
