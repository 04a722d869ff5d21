package dev.gearbox.core.cost;

import dev.gearbox.config.Price;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices a finished request. The answering attempt (the last successful one) carries the response's
 * usage; failed attempts are not billed by upstreams, so they cost nothing. An earlier attempt that
 * answered but was escalated by a cascade has no usage in {@link RouteInfo}, so it is priced at 0
 * tokens: the figure is a lower bound for escalated requests. The baseline prices the same tokens
 * at the baseline deployment's rates.
 */
public final class CostAccountant {
    private final PriceTable prices;
    private final String baselineDeployment;

    /** {@code baselineDeployment} may be null: the baseline cost is then the real cost (no savings claimed). */
    public CostAccountant(PriceTable prices, String baselineDeployment) {
        this.prices = prices;
        this.baselineDeployment = baselineDeployment;
    }

    public String baselineDeployment() {
        return baselineDeployment;
    }

    /**
     * The cost of a request that {@code route} describes and whose final answer used {@code usage}
     * (null when the upstream reported none: costed as zero tokens). {@code cacheHit}: served from
     * the cache, no attempt was billed.
     */
    public RequestCost cost(RouteInfo route, Usage usage, boolean cacheHit) {
        long in = usage == null ? 0 : usage.promptTokens();
        long out = usage == null ? 0 : usage.completionTokens();
        double baseline = baselineCost(route, in, out);
        if (cacheHit || route == null) {
            return new RequestCost(List.of(), 0, cacheHit ? baseline : 0);
        }
        int answering = answeringIndex(route.attempts());
        List<AttemptCost> attempts = new ArrayList<>(route.attempts().size());
        double total = 0;
        for (int i = 0; i < route.attempts().size(); i++) {
            Attempt a = route.attempts().get(i);
            boolean billed = i == answering;
            long ai = billed ? in : 0;
            long ao = billed ? out : 0;
            double cost = prices.price(a.deployment()).cost(ai, ao);
            attempts.add(new AttemptCost(a.deployment(), ai, ao, cost));
            total += cost;
        }
        return new RequestCost(attempts, total, answering < 0 ? 0 : baseline);
    }

    /** What {@code inputTokens}/{@code outputTokens} cost at {@code deployment}'s prices. */
    public double cost(String deployment, long inputTokens, long outputTokens) {
        return prices.price(deployment).cost(inputTokens, outputTokens);
    }

    private double baselineCost(RouteInfo route, long in, long out) {
        if (baselineDeployment != null) {
            return prices.price(baselineDeployment).cost(in, out);
        }
        Price own = prices.price(route == null ? null : route.deployment());
        return own.cost(in, out);
    }

    private static int answeringIndex(List<Attempt> attempts) {
        for (int i = attempts.size() - 1; i >= 0; i--) {
            if (attempts.get(i).succeeded()) {
                return i;
            }
        }
        return -1;
    }
}
