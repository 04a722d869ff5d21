package dev.gearbox.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.ConfigLoader;
import dev.gearbox.config.GearboxConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigReportTest {
    private static final String BASE = """
            deployments: [{name: a, provider: simulator, model: a}, {name: b, provider: simulator, model: b}]
            tiers: {fast: {deployments: [a]}, frontier: {deployments: [b]}}
            routing: {default_tier: fast}
            """;

    @Test
    void theSummaryNamesTheCascadeWhenItIsOn() {
        GearboxConfig on = ConfigLoader.parse(BASE + "cascade: {gates: [{type: empty}, {type: json}]}\n", Map.of(), "t");
        GearboxConfig off = ConfigLoader.parse(BASE, Map.of(), "t");

        assertThat(ConfigReport.summary(on)).isEqualTo(
                "2 deployments, tiers: fast, frontier, auto: default tier fast, cascade: fast to frontier through empty, json");
        assertThat(ConfigReport.summary(off)).isEqualTo("2 deployments, tiers: fast, frontier, auto: default tier fast");
    }
}
