package dev.gearbox.core.routing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.config.RuleConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Tool;
import dev.gearbox.core.routing.RoutingDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule type as a value, and how fired rules shape a decision. */
class RoutingRulesTest {
    private static final Map<String, String> NO_HEADERS = Map.of();

    private static ChatRequest ask(String text) {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, text)));
    }

    private static ChatRequest conversation(int userTurns) {
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < userTurns; i++) {
            messages.add(Message.of(Role.USER, "question " + i));
            messages.add(Message.of(Role.ASSISTANT, "answer " + i));
        }
        return ChatRequest.of("auto", messages.subList(0, messages.size() - 1));
    }

    private static RoutingDecision classified(Tier tier, double confidence) {
        return new RoutingDecision(tier, 0.5, confidence, "chat", null);
    }

    @Test
    void keywordsMatchWholeWordsCaseInsensitively() {
        PatternRule rule = PatternRule.keywords("regulated", List.of("lawsuit", "tax return"), Tier.FRONTIER);

        assertThat(rule.evaluate(ask("Can I file a LAWSUIT?"), NO_HEADERS))
                .containsExactly(new RuleEffect.Force(Tier.FRONTIER));
        assertThat(rule.evaluate(ask("my tax return is late"), NO_HEADERS)).isNotEmpty();
        assertThat(rule.evaluate(ask("lawsuits"), NO_HEADERS)).isEmpty();
        assertThat(rule.evaluate(ask("write a poem"), NO_HEADERS)).isEmpty();
    }

    @Test
    void keywordsLookAtSystemAndUserTextButNotAssistantTurns() {
        PatternRule rule = PatternRule.keywords("regulated", List.of("diagnosis"), Tier.FRONTIER);
        ChatRequest assistantOnly = ChatRequest.of("auto", List.of(
                Message.of(Role.USER, "hi"), Message.of(Role.ASSISTANT, "a diagnosis"), Message.of(Role.USER, "ok")));
        ChatRequest inSystem = ChatRequest.of("auto", List.of(
                Message.of(Role.SYSTEM, "You help with diagnosis."), Message.of(Role.USER, "ok")));

        assertThat(rule.evaluate(assistantOnly, NO_HEADERS)).isEmpty();
        assertThat(rule.evaluate(inSystem, NO_HEADERS)).isNotEmpty();
    }

    @Test
    void regexForcesItsTierOnAMatch() {
        PatternRule rule = PatternRule.regex("hipaa", "(?i)\\bHIPAA\\b", Tier.BALANCED);

        assertThat(rule.evaluate(ask("is this hipaa compliant"), NO_HEADERS))
                .containsExactly(new RuleEffect.Force(Tier.BALANCED));
        assertThat(rule.evaluate(ask("hippo"), NO_HEADERS)).isEmpty();
    }

    @Test
    void depthFiresFromTheGivenUserTurn() {
        DepthRule rule = new DepthRule("long", 3, 1, 0.8);

        assertThat(rule.evaluate(conversation(2), NO_HEADERS)).isEmpty();
        assertThat(rule.evaluate(conversation(3), NO_HEADERS))
                .containsExactly(new RuleEffect.UpUnlessConfident(1, 0.8));
    }

    @Test
    void minTierFiresForToolsAndJsonSchemaOnly() throws Exception {
        MinTierForToolsRule rule = new MinTierForToolsRule("structured", Tier.BALANCED);
        ObjectMapper json = new ObjectMapper();
        ChatRequest base = ask("weather?");
        ChatRequest withTools = new ChatRequest("auto", base.messages(), false, false,
                List.of(Tool.function("weather", "gets weather", null)), null, null, null, null, null, null, null,
                null, null, null, null, Map.of());
        ChatRequest withSchema = new ChatRequest("auto", base.messages(), false, false, List.of(), null,
                json.readTree("{\"type\":\"json_schema\",\"json_schema\":{\"name\":\"x\"}}"), null, null, null, null,
                null, null, null, null, null, Map.of());
        ChatRequest withJsonObject = new ChatRequest("auto", base.messages(), false, false, List.of(), null,
                json.readTree("{\"type\":\"json_object\"}"), null, null, null, null, null, null, null, null, null, Map.of());

        assertThat(rule.evaluate(withTools, NO_HEADERS)).containsExactly(new RuleEffect.AtLeast(Tier.BALANCED));
        assertThat(rule.evaluate(withSchema, NO_HEADERS)).containsExactly(new RuleEffect.AtLeast(Tier.BALANCED));
        assertThat(rule.evaluate(withJsonObject, NO_HEADERS)).isEmpty();
        assertThat(rule.evaluate(base, NO_HEADERS)).isEmpty();
    }

    @Test
    void headersForceAndCap() {
        HeaderRule rule = new HeaderRule("header");

        assertThat(rule.evaluate(ask("x"), Map.of("x-gearbox-tier", "Frontier", "x-gearbox-max-tier", "balanced")))
                .containsExactly(new RuleEffect.Force(Tier.FRONTIER), new RuleEffect.AtMost(Tier.BALANCED));
        assertThat(rule.evaluate(ask("x"), NO_HEADERS)).isEmpty();
    }

    @Test
    void anUnknownTierInAHeaderIsA400NamingTheHeader() {
        HeaderRule rule = new HeaderRule("header");

        assertThatThrownBy(() -> rule.evaluate(ask("x"), Map.of("x-gearbox-max-tier", "cheap")))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
                    assertThat(e.param()).isEqualTo("x-gearbox-max-tier");
                });
    }

    @Test
    void theFirstForcingRuleWins() {
        RoutingRules rules = RoutingRules.fromConfig(List.of(
                new RuleConfig.Header("header"),
                new RuleConfig.Keywords("regulated", List.of("lawsuit"), Tier.FRONTIER)));

        RuleOutcome outcome = rules.evaluate(ask("a lawsuit"), Map.of("x-gearbox-tier", "fast"));

        assertThat(outcome.forced()).contains(new FiredRule("header", new RuleEffect.Force(Tier.FAST)));
        assertThat(rules.evaluate(ask("a lawsuit"), NO_HEADERS).forced())
                .contains(new FiredRule("regulated", new RuleEffect.Force(Tier.FRONTIER)));
    }

    @Test
    void depthRaisesUnlessTheClassifierIsConfident() {
        RuleOutcome deep = new RuleOutcome(List.of(new FiredRule("long", new RuleEffect.UpUnlessConfident(1, 0.8))));

        assertThat(deep.adjust(classified(Tier.FAST, 0.5))).isEqualTo(
                new RoutingDecision(Tier.BALANCED, 0.5, 0.5, "chat", "long"));
        assertThat(deep.adjust(classified(Tier.FAST, 0.9))).isEqualTo(classified(Tier.FAST, 0.9));
        assertThat(deep.adjust(classified(Tier.FRONTIER, 0.1)).rule()).isNull();
    }

    @Test
    void aMinimumTierRaisesButNeverLowers() {
        RuleOutcome tools = new RuleOutcome(List.of(new FiredRule("tools", new RuleEffect.AtLeast(Tier.BALANCED))));

        assertThat(tools.adjust(classified(Tier.FAST, 1)).tier()).isEqualTo(Tier.BALANCED);
        assertThat(tools.adjust(classified(Tier.FRONTIER, 1))).isEqualTo(classified(Tier.FRONTIER, 1));
    }

    @Test
    void aCapAppliesAfterEveryRaise() {
        RuleOutcome outcome = new RuleOutcome(List.of(
                new FiredRule("header", new RuleEffect.AtMost(Tier.FAST)),
                new FiredRule("tools", new RuleEffect.AtLeast(Tier.FRONTIER))));

        assertThat(outcome.adjust(classified(Tier.BALANCED, 1))).isEqualTo(
                new RoutingDecision(Tier.FAST, 0.5, 1, "chat", "header"));
    }
}
