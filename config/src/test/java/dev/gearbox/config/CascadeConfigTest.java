package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static dev.gearbox.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The {@code cascade} section: defaults, every gate type, and each validation error at its exact path. */
class CascadeConfigTest {
    private static final String BASE = """
            deployments:
              - {name: cheap, provider: simulator, model: a}
              - {name: mid, provider: simulator, model: b}
              - {name: big, provider: simulator, model: c}
            tiers:
              fast: {deployments: [cheap]}
              balanced: {deployments: [mid]}
              frontier: {deployments: [big]}
            """;

    private static CascadeConfig cascade(String section) {
        return parse(BASE + section).cascade();
    }

    private static List<ConfigError> errors(String section) {
        return errorsOf(BASE + section);
    }

    @Test
    void withoutASectionNothingCascades() {
        assertThat(parse(BASE).cascade()).isEqualTo(CascadeConfig.DISABLED);
        assertThat(CascadeConfig.DISABLED.enabled()).isFalse();
    }

    @Test
    void anEmptySectionEnablesTheDefaults() {
        CascadeConfig c = cascade("cascade: {}\n");

        assertThat(c.enabled()).isTrue();
        assertThat(c.startTier()).isEqualTo(Tier.FAST);
        assertThat(c.ceilingTier()).isEqualTo(Tier.FRONTIER);
        assertThat(c.maxEscalations()).isEqualTo(2);
        assertThat(c.hint()).isEqualTo(CascadeConfig.Hint.REASON);
        assertThat(c.streams()).isEqualTo(CascadeConfig.Streams.BUFFER);
        assertThat(c.classes()).containsExactlyInAnyOrderElementsOf(CascadeConfig.KNOWN_CLASSES);
        assertThat(c.gates()).isEqualTo(CascadeConfig.DEFAULT_GATES);
    }

    @Test
    void bindsEveryFieldAndGateType() {
        CascadeConfig c = cascade("""
                cascade:
                  enabled: true
                  start_tier: router
                  ceiling_tier: balanced
                  max_escalations: 1
                  hint: answer_and_reason
                  classes: [reasoning, math]
                  streams: route
                  gates:
                    - {type: empty}
                    - {type: length}
                    - {type: refusal, patterns: ["^Nope"], use_defaults: false}
                    - {type: regex, must_match: "#### \\\\d+", must_not_match: "(?i)lorem"}
                    - {type: json}
                    - {type: json_schema}
                    - {type: tool_args}
                    - {type: arithmetic, tolerance: 0.05}
                    - {type: logprob, min_mean: -1.5, min_token: -8}
                    - {type: answer_model, threshold: 0.4}
                    - {type: judge, deployment: big, timeout: 1500ms}
                """);

        assertThat(c.startTier()).as("start where the router decided").isNull();
        assertThat(c.ceilingTier()).isEqualTo(Tier.BALANCED);
        assertThat(c.maxEscalations()).isEqualTo(1);
        assertThat(c.hint()).isEqualTo(CascadeConfig.Hint.ANSWER_AND_REASON);
        assertThat(c.classes()).isEqualTo(Set.of("reasoning", "math"));
        assertThat(c.streams()).isEqualTo(CascadeConfig.Streams.ROUTE);
        assertThat(c.gates()).containsExactly(new GateConfig.Empty(), new GateConfig.Length(),
                new GateConfig.Refusal(List.of("^Nope"), false), new GateConfig.Regex("#### \\d+", "(?i)lorem"),
                new GateConfig.Json(), new GateConfig.JsonSchema(), new GateConfig.ToolArgs(),
                new GateConfig.Arithmetic(0.05), new GateConfig.Logprob(-1.5, -8.0), new GateConfig.AnswerModel(0.4),
                new GateConfig.Judge("big", Duration.ofMillis(1500)));
    }

    @Test
    void gateDefaults() {
        CascadeConfig c = cascade("cascade: {gates: [{type: arithmetic}, {type: logprob}, {type: answer_model},"
                + " {type: judge, deployment: big}]}\n");

        assertThat(c.gates()).containsExactly(new GateConfig.Arithmetic(0.01), new GateConfig.Logprob(-1.2, -6.0),
                new GateConfig.AnswerModel(0.35), new GateConfig.Judge("big", Duration.ofSeconds(2)));
    }

    @Test
    void unclassifiedRequestsCountAsOther() {
        CascadeConfig c = cascade("cascade: {classes: [math, other]}\n");

        assertThat(c.cascades(null)).isTrue();
        assertThat(c.cascades("math")).isTrue();
        assertThat(c.cascades("code")).isFalse();
    }

    @Test
    void unknownGateTypeAndJudgeDeployment() {
        assertThat(errors("cascade: {gates: [{type: empty}, {type: jsn}]}\n")).singleElement()
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("cascade.gates[1].type");
                    assertThat(e.message()).startsWith("unknown gate type 'jsn'").contains("json");
                });
        assertThat(errors("cascade: {gates: [{type: judge, deployment: bigg}]}\n")).singleElement()
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("cascade.gates[0].deployment");
                    assertThat(e.message()).startsWith("unknown deployment 'bigg'").contains("big");
                });
        assertThat(errors("cascade: {gates: [{type: judge}]}\n"))
                .containsExactly(new ConfigError("cascade.gates[0].deployment", "missing required field"));
    }

    @Test
    void startMustBeBelowTheCeiling() {
        assertThat(errors("cascade: {start_tier: frontier, ceiling_tier: balanced}\n")).containsExactly(new ConfigError(
                "cascade.start_tier", "start_tier 'frontier' must be below ceiling_tier 'balanced'"
                        + " (a cascade needs a tier to escalate to)"));
        assertThat(errors("cascade: {ceiling_tier: fast}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.ceiling_tier"));
        assertThat(errors("cascade: {start_tier: fastest}\n")).singleElement()
                .satisfies(e -> assertThat(e.message()).startsWith("unknown tier 'fastest'"));
    }

    @Test
    void tiersMustBeConfigured() {
        String twoTiers = """
                deployments: [{name: cheap, provider: simulator, model: a}, {name: mid, provider: simulator, model: b}]
                tiers: {fast: {deployments: [cheap]}, balanced: {deployments: [mid]}}
                cascade: {ceiling_tier: frontier}
                """;
        assertThat(errorsOf(twoTiers)).containsExactly(
                new ConfigError("cascade.ceiling_tier", "tier 'frontier' is not configured under tiers"));
    }

    @Test
    void badThresholdsAndPatternsNameTheField() {
        assertThat(errors("cascade: {gates: [{type: logprob, min_mean: 0.5}]}\n")).containsExactly(new ConfigError(
                "cascade.gates[0].min_mean", "is a log probability, so at most 0, got 0.5"));
        assertThat(errors("cascade: {gates: [{type: arithmetic, tolerance: 1.5}]}\n")).containsExactly(new ConfigError(
                "cascade.gates[0].tolerance", "must be at least 0 and below 1, got 1.5"));
        assertThat(errors("cascade: {gates: [{type: answer_model, threshold: 1.2}]}\n")).containsExactly(new ConfigError(
                "cascade.gates[0].threshold", "must be between 0 and 1, got 1.2"));
        assertThat(errors("cascade: {gates: [{type: regex, must_match: \"(\"}]}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.gates[0].must_match"));
        assertThat(errors("cascade: {gates: [{type: refusal, patterns: [ok, \"[\"]}]}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.gates[0].patterns[1]"));
        assertThat(errors("cascade: {gates: [{type: regex}]}\n")).containsExactly(new ConfigError(
                "cascade.gates[0]", "a regex gate needs must_match, must_not_match or both"));
        assertThat(errors("cascade: {gates: [{type: judge, deployment: big, timeout: 0s}]}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.gates[0].timeout"));
    }

    @Test
    void otherMistakes() {
        assertThat(errors("cascade: {max_escalations: 3}\n")).containsExactly(
                new ConfigError("cascade.max_escalations", "must be between 1 and 2, got 3"));
        assertThat(errors("cascade: {hint: everything}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.hint"));
        assertThat(errors("cascade: {streams: stream}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.streams"));
        assertThat(errors("cascade: {classes: [math, finance]}\n")).singleElement()
                .satisfies(e -> {
                    assertThat(e.path()).isEqualTo("cascade.classes[1]");
                    assertThat(e.message()).startsWith("unknown request class 'finance'");
                });
        assertThat(errors("cascade: {gates: []}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.gates"));
        assertThat(errors("cascade: {gates: [{type: judge, deployment: big}, {type: judge, deployment: mid}]}\n"))
                .singleElement().satisfies(e -> assertThat(e.path()).isEqualTo("cascade.gates[1].type"));
        assertThat(errors("cascade: {gates: [{type: json, strict: true}]}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.gates[0].strict"));
        assertThat(errors("cascade: {enabled: true, ceiling: frontier}\n")).singleElement()
                .satisfies(e -> assertThat(e.path()).isEqualTo("cascade.ceiling"));
    }
}
