package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.DEPLOYMENTS;
import static dev.gearbox.config.ConfigFixtures.TIERS;
import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static dev.gearbox.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code telemetry} section: defaults, every field, and each validation error at its exact path. */
class TelemetryConfigTest {

    private static GearboxConfig withTelemetry(String telemetry) {
        return parse(DEPLOYMENTS + TIERS + telemetry);
    }

    @Test
    void withoutTheSectionNothingIsLoggedOrShadowed() {
        TelemetryConfig telemetry = parse(DEPLOYMENTS + TIERS).telemetry();

        assertThat(telemetry).isEqualTo(TelemetryConfig.DEFAULT);
        assertThat(telemetry.decisionLog().enabled()).isFalse();
        assertThat(telemetry.shadow().enabled()).isFalse();
        assertThat(telemetry.baselineDeployment()).isNull();
    }

    @Test
    void anEmptyDecisionLogMappingTurnsTheLogOnWithDefaults() {
        DecisionLogConfig log = withTelemetry("telemetry: {decision_log: {}}\n").telemetry().decisionLog();

        assertThat(log.enabled()).isTrue();
        assertThat(log.directory()).isEqualTo(DecisionLogConfig.DEFAULT_DIRECTORY);
        assertThat(log.includeText()).isFalse();
        assertThat(log.maxFileBytes()).isEqualTo(DecisionLogConfig.DEFAULT_MAX_FILE_BYTES);
        assertThat(log.queueCapacity()).isEqualTo(DecisionLogConfig.DEFAULT_QUEUE_CAPACITY);
    }

    @Test
    void bindsEveryField() {
        TelemetryConfig telemetry = withTelemetry("""
                telemetry:
                  decision_log: {enabled: true, dir: /var/log/gearbox, include_text: true, max_file_size: 10MiB,
                                 queue_capacity: 500}
                  shadow: {share: 0.05, seed: 7}
                  baseline_deployment: gpt
                """).telemetry();

        assertThat(telemetry.decisionLog()).isEqualTo(
                new DecisionLogConfig(true, Path.of("/var/log/gearbox"), true, 10L * 1024 * 1024, 500));
        assertThat(telemetry.shadow()).isEqualTo(new ShadowConfig(0.05, 7));
        assertThat(telemetry.baselineDeployment()).isEqualTo("gpt");
    }

    @Test
    void reportsEachBadValueAtItsPath() {
        assertThat(errorsOf(DEPLOYMENTS + TIERS + """
                telemetry:
                  decision_log: {dir: "", max_file_size: 0, queue_capacity: 0, colour: red}
                  shadow: {share: 1.5}
                  baseline_deployment: gtp
                """)).extracting(ConfigError::path).containsExactlyInAnyOrder(
                "telemetry.decision_log.dir", "telemetry.decision_log.max_file_size",
                "telemetry.decision_log.queue_capacity", "telemetry.decision_log.colour",
                "telemetry.shadow.share", "telemetry.baseline_deployment");
    }

    @Test
    void anUnknownBaselineSuggestsTheClosestDeployment() {
        assertThat(errorsOf(DEPLOYMENTS + TIERS + "telemetry: {baseline_deployment: gtp}\n"))
                .singleElement().satisfies(e -> {
                    assertThat(e.path()).isEqualTo("telemetry.baseline_deployment");
                    assertThat(e.message()).contains("unknown deployment 'gtp'").contains("gpt");
                });
    }

    @Test
    void shadowTrafficNeedsTheDecisionLog() {
        assertThat(errorsOf(DEPLOYMENTS + TIERS + "telemetry: {shadow: {share: 0.1}}\n"))
                .singleElement().satisfies(e -> {
                    assertThat(e.path()).isEqualTo("telemetry.shadow.share");
                    assertThat(e.message()).contains("enable telemetry.decision_log");
                });
    }

    @Test
    void aDisabledLogKeepsItsOtherSettings() {
        DecisionLogConfig log = withTelemetry("telemetry: {decision_log: {enabled: false, dir: x}}\n")
                .telemetry().decisionLog();

        assertThat(log.enabled()).isFalse();
        assertThat(log.directory()).isEqualTo(Path.of("x"));
    }

    @Test
    void replacingTheServerSectionKeepsTheTelemetrySection() {
        GearboxConfig config = withTelemetry("telemetry: {decision_log: {dir: x}}\n");

        GearboxConfig moved = config.withServer(new ServerConfig("127.0.0.1", 9999, 1024,
                config.server().idleTimeout(), false));

        assertThat(moved.server().port()).isEqualTo(9999);
        assertThat(moved.telemetry()).isEqualTo(config.telemetry());
        assertThat(moved.router()).isEqualTo(config.router());
    }
}
