package dev.gearbox.server.cli;

import dev.gearbox.config.CascadeConfig;
import dev.gearbox.config.ConfigError;
import dev.gearbox.config.ConfigException;
import dev.gearbox.config.GateConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.config.Tier;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How the commands report a configuration: every error as {@code path: message}, or a one-line summary. */
final class ConfigReport {
    private ConfigReport() {
    }

    static void errors(PrintWriter err, ConfigException e) {
        int n = e.errors().size();
        err.println("invalid configuration " + e.source() + " (" + n + (n == 1 ? " error):" : " errors):"));
        for (ConfigError error : e.errors()) {
            err.println(error.path() + ": " + error.message());
        }
        err.flush();
    }

    /**
     * {@code N deployments, tiers: fast, balanced, frontier, auto: ...} (configured tiers only,
     * cheapest first; what decides {@code model: auto}), then, when on, the cascade's tiers and gates.
     */
    static String summary(GearboxConfig config) {
        String tiers = Arrays.stream(Tier.values())
                .filter(t -> !config.tierDeployments(t).isEmpty())
                .map(Tier::wire)
                .collect(Collectors.joining(", "));
        int n = config.deployments().size();
        return n + (n == 1 ? " deployment" : " deployments") + ", tiers: " + (tiers.isEmpty() ? "none" : tiers)
                + ", auto: " + auto(config.router(), config.routing().defaultTier()) + cascade(config.cascade());
    }

    private static String cascade(CascadeConfig cascade) {
        if (!cascade.enabled()) {
            return "";
        }
        String start = cascade.startTier() == null ? "router's tier" : cascade.startTier().wire();
        return ", cascade: " + start + " to " + cascade.ceilingTier().wire() + " through "
                + cascade.gates().stream().map(GateConfig::type).collect(Collectors.joining(", "));
    }

    private static String auto(RouterConfig router, Tier defaultTier) {
        if (!router.enabled()) {
            return "default tier " + defaultTier.wire();
        }
        int rules = router.rules().size();
        return "classifier " + router.model() + " with " + rules + (rules == 1 ? " rule" : " rules")
                + (router.llm() == null ? "" : " and LLM " + router.llm().deployment());
    }
}
