package dev.gearbox.config;

import static dev.gearbox.config.ConfigFixtures.DEPLOYMENTS;
import static dev.gearbox.config.ConfigFixtures.TIERS;
import static dev.gearbox.config.ConfigFixtures.errorsOf;
import static dev.gearbox.config.ConfigFixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code router} section: defaults, every rule type, and each validation error at its exact path. */
class RouterConfigTest {

    private static GearboxConfig withRouter(String router) {
        return parse(DEPLOYMENTS + TIERS + router);
    }

    private static List<ConfigError> routerErrors(String router) {
        return errorsOf(DEPLOYMENTS + TIERS + router);
    }

    @Test
    void withoutARouterSectionTheClassifierIsOff() {
        assertThat(parse(DEPLOYMENTS + TIERS).router()).isEqualTo(RouterConfig.DISABLED);
    }

    @Test
    void anEmptySectionEnablesTheBuiltinModelWithDefaults() {
        RouterConfig router = withRouter("router: {}\n").router();

        assertThat(router.enabled()).isTrue();
        assertThat(router.builtinModel()).isTrue();
        assertThat(router.thresholds()).isEqualTo(RouterConfig.DEFAULT_THRESHOLDS);
        assertThat(router.confidenceFloor()).isEqualTo(RouterConfig.DEFAULT_CONFIDENCE_FLOOR);
        assertThat(router.llm()).isNull();
        assertThat(router.rules()).isEmpty();
    }

    @Test
    void bindsEveryFieldAndRuleType() {
        RouterConfig router = withRouter("""
                router:
                  enabled: false
                  thresholds: {balanced_above: 0.42, frontier_above: 0.71}
                  confidence_floor: 0.2
                  low_confidence_tier: fast
                  llm: {deployment: gpt, timeout: 300ms}
                  rules:
                    - {name: regulated, type: keywords, words: [lawsuit, diagnosis], tier: balanced}
                    - {name: hipaa, type: regex, pattern: "(?i)\\\\bHIPAA\\\\b", tier: balanced}
                    - {name: deep, type: depth, from_turn: 6, up: 1, unless_confidence_above: 0.8}
                    - {name: tools, type: min_tier_for_tools, tier: balanced}
                    - {name: header, type: header}
                """).router();

        assertThat(router.enabled()).isFalse();
        assertThat(router.thresholds()).isEqualTo(new Thresholds.Explicit(0.42, 0.71));
        assertThat(router.confidenceFloor()).isEqualTo(0.2);
        assertThat(router.lowConfidenceTier()).isEqualTo(Tier.FAST);
        assertThat(router.llm()).isEqualTo(new LlmClassifierConfig("gpt", Duration.ofMillis(300)));
        assertThat(router.rules()).containsExactly(
                new RuleConfig.Keywords("regulated", List.of("lawsuit", "diagnosis"), Tier.BALANCED),
                new RuleConfig.Regex("hipaa", "(?i)\\bHIPAA\\b", Tier.BALANCED),
                new RuleConfig.Depth("deep", 6, 1, 0.8),
                new RuleConfig.MinTierForTools("tools", Tier.BALANCED),
                new RuleConfig.Header("header"));
    }

    @Test
    void sharesAreBound() {
        assertThat(withRouter("router: {thresholds: {fast_share: 0.7, frontier_share: 0.05}}\n").router().thresholds())
                .isEqualTo(new Thresholds.Shares(0.7, 0.05));
    }

    @Test
    void thresholdErrorsNameTheField() {
        assertThat(routerErrors("router: {thresholds: {fast_share: 0.7, frontier_above: 0.9}}\n")).containsExactly(
                new ConfigError("router.thresholds", "give either fast_share and frontier_share, "
                        + "or balanced_above and frontier_above, not both"));
        assertThat(routerErrors("router: {thresholds: {fast_share: 0.95, frontier_share: 0.1}}\n")).containsExactly(
                new ConfigError("router.thresholds.frontier_share", "fast_share + frontier_share must be at most 1, got 0.95 + 0.1"));
        assertThat(routerErrors("router: {thresholds: {balanced_above: 0.8, frontier_above: 0.5}}\n")).containsExactly(
                new ConfigError("router.thresholds.frontier_above", "must be at least balanced_above (0.8), got 0.5"));
        assertThat(routerErrors("router: {thresholds: {fast_share: 1.5}}\n")).containsExactly(
                new ConfigError("router.thresholds.fast_share", "must be between 0 and 1, got 1.5"),
                new ConfigError("router.thresholds.frontier_share", "missing required field"));
    }

    @Test
    void fieldErrorsHaveExactPaths() {
        assertThat(routerErrors("""
                router:
                  model: /no/such/model.bin
                  confidence_floor: -0.1
                  low_confidence_tier: frontier
                  llm: {deployment: gtp}
                  thresold: {}
                """)).containsExactly(
                new ConfigError("router.thresold", "unknown key 'thresold' (did you mean 'thresholds'?)"),
                new ConfigError("router.model", "no model file at '/no/such/model.bin' "
                        + "(use 'builtin' for the model shipped with Gearbox)"),
                new ConfigError("router.confidence_floor", "must be between 0 and 1, got -0.1"),
                new ConfigError("router.low_confidence_tier", "tier 'frontier' is not configured under tiers"),
                new ConfigError("router.llm.deployment", "unknown deployment 'gtp' (did you mean 'gpt'?)"));
    }

    @Test
    void ruleErrorsHaveExactPaths() {
        assertThat(routerErrors("""
                router:
                  rules:
                    - {name: a, type: keywords, words: [], tier: frontier}
                    - {name: a, type: regex, pattern: "(unclosed", tier: balanced}
                    - {name: c, type: depth, up: 3}
                    - {name: d, type: min_tier_for_tool, tier: fast}
                    - {type: header, extra: 1}
                """)).containsExactly(
                new ConfigError("router.rules[0].words", "must list at least one word"),
                new ConfigError("router.rules[0].tier", "tier 'frontier' is not configured under tiers"),
                new ConfigError("router.rules[1].name", "duplicate rule name 'a'"),
                new ConfigError("router.rules[1].pattern", "not a valid regular expression: Unclosed group near index 9"),
                new ConfigError("router.rules[2].from_turn", "missing required field"),
                new ConfigError("router.rules[2].up", "must be between 1 and 2, got 3"),
                new ConfigError("router.rules[3].type", "unknown rule type 'min_tier_for_tool' (did you mean 'min_tier_for_tools'?)"),
                new ConfigError("router.rules[4].name", "missing required field"),
                new ConfigError("router.rules[4].extra", "unknown key 'extra' (known: name, type)"));
    }

    @Test
    void theBuiltInDefaultConfigEnablesTheClassifierWithARegulatedRule() {
        RouterConfig router = ConfigLoader.loadDefault().router();

        assertThat(router.enabled()).isTrue();
        assertThat(router.builtinModel()).isTrue();
        assertThat(router.rules()).extracting(RuleConfig::name).contains("header", "regulated");
    }
}
