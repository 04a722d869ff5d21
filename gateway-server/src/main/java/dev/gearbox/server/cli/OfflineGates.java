package dev.gearbox.server.cli;

import dev.gearbox.core.cascade.QualityGate;
import dev.gearbox.core.cascade.gate.ArithmeticGate;
import dev.gearbox.core.cascade.gate.EmptyAnswerGate;
import dev.gearbox.core.cascade.gate.JsonGate;
import dev.gearbox.core.cascade.gate.JsonSchemaGate;
import dev.gearbox.core.cascade.gate.LengthGate;
import dev.gearbox.core.cascade.gate.RefusalGate;
import dev.gearbox.core.cascade.gate.ToolArgumentsGate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The programmatic gates {@code eval-cascade} can run on recorded answers, by their config names,
 * with their default settings. The gates that need what a recorded row lacks are refused with the
 * reason: {@code logprob} (no token logprobs), {@code judge} (a network call), {@code regex}
 * (patterns only a config gives).
 */
final class OfflineGates {

    /** The on/off gates, in the order a cascade runs them (cheap structural checks first). */
    private static final Map<String, Supplier<QualityGate>> GATES = gates();
    private static final Map<String, String> NOT_OFFLINE = Map.of(
            "logprob", "the recorded answers carry no token logprobs",
            "judge", "it calls a judge deployment, and eval-cascade runs without network",
            "regex", "its patterns come from a config");

    private OfflineGates() {
    }

    private static Map<String, Supplier<QualityGate>> gates() {
        Map<String, Supplier<QualityGate>> g = new LinkedHashMap<>();
        g.put(EmptyAnswerGate.NAME, EmptyAnswerGate::new);
        g.put(LengthGate.NAME, LengthGate::new);
        g.put(RefusalGate.NAME, () -> RefusalGate.withDefaults(List.of()));
        g.put(JsonGate.NAME, JsonGate::new);
        g.put(JsonSchemaGate.NAME, JsonSchemaGate::new);
        g.put(ToolArgumentsGate.NAME, ToolArgumentsGate::new);
        g.put(ArithmeticGate.NAME, () -> new ArithmeticGate(ArithmeticGate.DEFAULT_TOLERANCE));
        return g;
    }

    /** Every on/off gate name, in run order. */
    static List<String> names() {
        return List.copyOf(GATES.keySet());
    }

    /** The gate named {@code name}; an unknown or non-offline name fails saying why and what exists. */
    static QualityGate byName(String name) {
        Supplier<QualityGate> gate = GATES.get(name);
        if (gate != null) {
            return gate.get();
        }
        String why = NOT_OFFLINE.get(name);
        if (why != null) {
            throw new IllegalArgumentException("--gates: '" + name + "' cannot run offline: " + why);
        }
        throw new IllegalArgumentException("--gates: unknown gate '" + name + "'; choose from answer_model, "
                + String.join(", ", names()));
    }
}
