package dev.gearbox.core.cascade.gate;

import dev.gearbox.config.GateConfig;
import dev.gearbox.core.cascade.GateChain;
import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.provider.ChatProvider;
import java.util.List;
import java.util.function.Function;

/**
 * Builds the gates a {@code cascade.gates} list configures, in order. The {@code answer_model} gate
 * lives in the classifier module, which core cannot see: its builder is handed in.
 */
public final class GateFactory {
    private GateFactory() {
    }

    /**
     * Builds every configured gate: judges call {@code judgeProvider}'s provider and are counted in
     * {@code metrics}; {@code answerModel} builds the answer-quality gate (null when the caller has
     * no classifier, in which case configuring that gate fails here, naming the gate).
     */
    public static GateChain chain(List<GateConfig> configs, Function<String, ChatProvider> judgeProvider,
                                  GatewayMetrics metrics, Function<GateConfig.AnswerModel, QualityGate> answerModel) {
        return new GateChain(configs.stream().map(c -> c instanceof GateConfig.AnswerModel a
                ? answerModel(a, answerModel) : gate(c, judgeProvider, metrics)).toList());
    }

    private static QualityGate answerModel(GateConfig.AnswerModel config,
                                           Function<GateConfig.AnswerModel, QualityGate> builder) {
        if (builder == null) {
            throw new IllegalStateException("the answer_model gate needs the classifier's answer-quality model,"
                    + " which this gateway was built without");
        }
        return builder.apply(config);
    }

    private static QualityGate gate(GateConfig config, Function<String, ChatProvider> judgeProvider,
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
