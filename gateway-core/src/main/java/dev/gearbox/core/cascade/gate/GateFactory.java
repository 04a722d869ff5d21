package dev.gearbox.core.cascade.gate;

import dev.gearbox.config.GateConfig;
import dev.gearbox.core.cascade.GateChain;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.provider.ChatProvider;
import java.util.List;
import java.util.function.Function;

/** Builds the gates a {@code cascade.gates} list configures, in order. */
public final class GateFactory {
    private GateFactory() {
    }

    /** {@code judgeProvider} gives the provider of a judge's deployment (only called for a judge gate). */
    public static GateChain chain(List<GateConfig> configs, Function<String, ChatProvider> judgeProvider) {
        return chain(configs, judgeProvider, GatewayMetrics.disabled());
    }

    /** As {@link #chain(List, Function)}, a judge's calls counted in {@code metrics}. */
    public static GateChain chain(List<GateConfig> configs, Function<String, ChatProvider> judgeProvider,
                                  GatewayMetrics metrics) {
        return new GateChain(configs.stream().map(c -> gate(c, judgeProvider, metrics)).toList());
    }

    public static QualityGate gate(GateConfig config, Function<String, ChatProvider> judgeProvider) {
        return gate(config, judgeProvider, GatewayMetrics.disabled());
    }

    public static QualityGate gate(GateConfig config, Function<String, ChatProvider> judgeProvider,
                                   GatewayMetrics metrics) {
        if (config instanceof GateConfig.Empty) {
            return new EmptyAnswerGate();
        } else if (config instanceof GateConfig.Length) {
            return new LengthGate();
        } else if (config instanceof GateConfig.Refusal r) {
            return r.useDefaults() ? RefusalGate.withDefaults(r.patterns()) : RefusalGate.of(r.patterns());
        } else if (config instanceof GateConfig.Regex r) {
            return RegexGate.of(r.mustMatch(), r.mustNotMatch());
        } else if (config instanceof GateConfig.Json) {
            return new JsonGate();
        } else if (config instanceof GateConfig.JsonSchema) {
            return new JsonSchemaGate();
        } else if (config instanceof GateConfig.ToolArgs) {
            return new ToolArgumentsGate();
        } else if (config instanceof GateConfig.Arithmetic a) {
            return new ArithmeticGate(a.tolerance());
        } else if (config instanceof GateConfig.Logprob l) {
            return new LogprobGate(l.minMean(), l.minToken());
        } else if (config instanceof GateConfig.Judge j) {
            return new JudgeGate(j.deployment(), judgeProvider.apply(j.deployment()), j.timeout(), metrics);
        }
        throw new IllegalArgumentException("unknown gate config " + config);
    }
}
