package dev.gearbox.server.telemetry;

import dev.gearbox.config.DecisionLogConfig;
import dev.gearbox.config.GearboxConfig;
import dev.gearbox.config.ShadowConfig;
import dev.gearbox.core.cost.BaselineDeployment;
import dev.gearbox.core.cost.CostAccountant;
import dev.gearbox.core.cost.PriceTable;
import dev.gearbox.core.gateway.ChatGateway;
import dev.gearbox.core.metrics.DeploymentHealthGauges;
import dev.gearbox.core.metrics.RequestMeters;
import dev.gearbox.core.routing.Deployment;
import dev.gearbox.core.routing.DeploymentHealth;
import dev.gearbox.core.routing.DeploymentRegistry;
import dev.gearbox.core.telemetry.RecordingChatGateway;
import dev.gearbox.core.telemetry.RequestRecorder;
import dev.gearbox.core.telemetry.ShadowRunner;
import dev.gearbox.core.telemetry.ShadowSampler;
import dev.gearbox.core.telemetry.log.DecisionLogRecorder;
import dev.gearbox.core.telemetry.log.LogLineSink;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Builds the telemetry around a gateway from the {@code telemetry} config: per-class meters always,
 * the deployment health gauges, the decision-log writer when enabled, and shadow mode when its share
 * is above zero. {@link #gateway()} is the outermost decorator; {@link #decisionLog()} feeds
 * {@code POST /v1/feedback} (null when the log is off).
 */
public final class Telemetry {
    private final ChatGateway gateway;
    private final LogLineSink decisionLog;

    private Telemetry(ChatGateway gateway, LogLineSink decisionLog) {
        this.gateway = gateway;
        this.decisionLog = decisionLog;
    }

    /** Wraps {@code inner}; the log writer is pushed on {@code resources} so the app closes it. */
    public static Telemetry create(GearboxConfig config, ChatGateway inner, DeploymentRegistry deployments,
                                   DeploymentHealth health, MeterRegistry registry, Clock clock,
                                   Deque<AutoCloseable> resources) {
        String baseline = BaselineDeployment.of(config).orElse(null);
        CostAccountant costs = new CostAccountant(PriceTable.of(config), baseline);
        DeploymentHealthGauges.bind(registry, health, deployments.all().stream().map(Deployment::name).toList());
        List<RequestRecorder> recorders = new ArrayList<>();
        recorders.add(new RequestMeters(registry));
        DecisionLogConfig logConfig = config.telemetry().decisionLog();
        DecisionLogWriter writer = null;
        if (logConfig.enabled()) {
            writer = DecisionLogWriter.start(logConfig, clock, registry);
            resources.push(writer);
            recorders.add(new DecisionLogRecorder(writer, logConfig.includeText(), baseline));
            ShadowConfig shadow = config.telemetry().shadow();
            if (shadow.enabled() && baseline != null) {
                recorders.add(new ShadowRunner(new ShadowSampler(shadow.share(), new Random(shadow.seed())), baseline,
                        deployments.get(baseline).provider(), costs, writer, logConfig.includeText(), registry, clock,
                        System::nanoTime));
            }
        }
        ChatGateway outer = new RecordingChatGateway(inner, costs, recorders, logConfig.enabled() && logConfig.includeText(),
                clock, System::nanoTime);
        return new Telemetry(outer, writer);
    }

    public ChatGateway gateway() {
        return gateway;
    }

    /** Where feedback lines go; null when the decision log is off. */
    public LogLineSink decisionLog() {
        return decisionLog;
    }
}
