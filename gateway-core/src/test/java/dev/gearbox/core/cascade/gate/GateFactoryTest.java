package dev.gearbox.core.cascade.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.config.GateConfig;
import dev.gearbox.core.cascade.GateChain;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.testing.ScriptedProvider;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GateFactoryTest {
    @Test
    void buildsEveryConfiguredGateInOrder() {
        ScriptedProvider judge = new ScriptedProvider("big");
        GateChain chain = GateFactory.chain(List.of(new GateConfig.Empty(), new GateConfig.Length(),
                new GateConfig.Refusal(List.of("^Nope"), false), new GateConfig.Regex("a", null), new GateConfig.Json(),
                new GateConfig.JsonSchema(), new GateConfig.ToolArgs(), new GateConfig.Arithmetic(0.05),
                new GateConfig.Logprob(-1.5, -8), new GateConfig.Judge("big", Duration.ofSeconds(1))),
                name -> name.equals("big") ? judge : null, GatewayMetrics.disabled(), null);

        assertThat(chain.gates()).extracting(QualityGate::name).containsExactly("empty", "length", "refusal", "regex",
                "json", "json_schema", "tool_args", "arithmetic", "logprob", "judge");
        assertThat(chain.gates().get(2)).isInstanceOfSatisfying(RefusalGate.class,
                r -> assertThat(r.patterns()).hasSize(1));
        assertThat(chain.gates().get(7)).isEqualTo(new ArithmeticGate(0.05));
        assertThat(chain.gates().get(8)).isEqualTo(new LogprobGate(-1.5, -8));
        assertThat(((JudgeGate) chain.gates().get(9)).judge()).isSameAs(judge);
        assertThat(chain.needsLogprobs()).isTrue();
    }

    @Test
    void theAnswerModelGateComesFromTheCallersBuilder() {
        QualityGate model = new EmptyAnswerGate();
        GateChain chain = GateFactory.chain(List.of(new GateConfig.Empty(), new GateConfig.AnswerModel(0.4)), n -> null,
                GatewayMetrics.disabled(), c -> c.threshold() == 0.4 ? model : null);

        assertThat(chain.gates().get(1)).isSameAs(model);
        assertThatThrownBy(() -> GateFactory.chain(List.of(new GateConfig.AnswerModel(0.4)), n -> null,
                GatewayMetrics.disabled(), null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("answer_model");
    }

    @Test
    void refusalDefaultsAreKeptUnlessTurnedOff() {
        RefusalGate withDefaults = (RefusalGate) GateFactory.chain(List.of(new GateConfig.Refusal(List.of("^Nope"), true)),
                n -> null, GatewayMetrics.disabled(), null).gates().get(0);
        assertThat(withDefaults.patterns()).hasSize(RefusalGate.DEFAULT_PATTERNS.size() + 1);
    }
}
