package dev.gearbox.server.admin;

import dev.gearbox.server.http.Endpoint;
import dev.gearbox.server.http.Exchange;
import dev.gearbox.server.http.ExchangeOutcome;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;

/** {@code GET /metrics}: the Prometheus text exposition format (0.0.4) of every registered meter. */
public final class MetricsEndpoint implements Endpoint {
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsEndpoint(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(FullHttpRequest request, Exchange exchange) {
        exchange.respond(AdminResponses.text(HttpResponseStatus.OK, registry.scrape(), CONTENT_TYPE),
                ExchangeOutcome.success(200));
    }
}
