package dev.gearbox.core.cost;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.Price;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every configured deployment's list price, by deployment name; an unknown name is free. */
public final class PriceTable {
    private final Map<String, Price> prices;

    public PriceTable(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    public static PriceTable of(GearboxConfig config) {
        Map<String, Price> prices = new LinkedHashMap<>();
        for (DeploymentConfig d : config.deployments()) {
            prices.put(d.name(), d.price());
        }
        return new PriceTable(prices);
    }

    public Price price(String deployment) {
        return deployment == null ? Price.FREE : prices.getOrDefault(deployment, Price.FREE);
    }
}
