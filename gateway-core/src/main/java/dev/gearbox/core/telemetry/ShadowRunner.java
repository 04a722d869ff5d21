package dev.gearbox.core.telemetry;

import dev.gearbox.core.cost.CostAccountant;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.metrics.GatewayMeters;
import dev.gearbox.core.metrics.GatewayMetrics;
import dev.gearbox.core.metrics.MeterTags;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Usage;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.core.telemetry.log.LogLineSink;
import dev.gearbox.core.telemetry.log.ShadowLine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

/**
 * Shadow mode: for a sampled share of successful {@code auto} requests that the baseline did not
 * answer itself, sends the same request (non-streamed) to the baseline deployment once the client
 * already has its answer, and writes both answers to the decision log as a {@link ShadowLine}.
 * Its cost goes to {@link GatewayMeters#SHADOW_COST}, never to the request's cost. Nothing a shadow
 * call does (failure, slowness) reaches the client: the client's exchange is over by then.
 */
public final class ShadowRunner implements RequestRecorder {
    private final ShadowSampler sampler;
    private final String baselineName;
    private final ChatProvider baseline;
    private final CostAccountant costs;
    private final LogLineSink sink;
    private final boolean includeText;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final MeterRegistry registry;
    private final Counter cost;

    public ShadowRunner(ShadowSampler sampler, String baselineName, ChatProvider baseline, CostAccountant costs,
                        LogLineSink sink, boolean includeText, MeterRegistry registry, Clock clock, LongSupplier nanoTime) {
        this.sampler = sampler;
        this.baselineName = baselineName;
        this.baseline = baseline;
        this.costs = costs;
        this.sink = sink;
        this.includeText = includeText;
        this.clock = clock;
        this.nanoTime = nanoTime;
        this.registry = registry;
        this.cost = Counter.builder(GatewayMeters.SHADOW_COST.meterName())
                .description(GatewayMeters.SHADOW_COST.description())
                .baseUnit(GatewayMeters.SHADOW_COST.baseUnit())
                .tag(MeterTags.DEPLOYMENT, baselineName)
                .register(registry);
    }

    @Override
    public void record(RequestRecord r) {
        if (!r.auto() || !r.succeeded() || r.route() == null || baselineName.equals(r.route().deployment())
                || !sampler.sample()) {
            return;
        }
        ChatRequest request = r.request().withStream(false, false);
        long start = nanoTime.getAsLong();
        CompletableFuture<ChatResponse> answer;
        try {
            answer = baseline.complete(request);
        } catch (RuntimeException e) { // a provider that throws instead of failing its future
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((response, error) -> written(r, response, error, nanoTime.getAsLong() - start));
    }

    private void written(RequestRecord r, ChatResponse response, Throwable error, long latencyNanos) {
        String outcome = error == null ? MeterTags.OK : GatewayMetrics.outcome(GatewayException.from(error).kind());
        Usage usage = response == null ? null : response.usage();
        double shadowCost = usage == null ? 0 : costs.cost(baselineName, usage.promptTokens(), usage.completionTokens());
        Counter.builder(GatewayMeters.SHADOW_REQUESTS.meterName())
                .description(GatewayMeters.SHADOW_REQUESTS.description())
                .tags(MeterTags.DEPLOYMENT, baselineName, MeterTags.OUTCOME, outcome)
                .register(registry)
                .increment();
        cost.increment(shadowCost);
        sink.offer(new ShadowLine(r.requestId(), clock.instant().toString(), r.route().deployment(),
                r.cost().costUsd(), includeText ? r.answer() : null, baselineName, outcome, latencyNanos / 1e6,
                usage == null ? null : (long) usage.promptTokens(), usage == null ? null : (long) usage.completionTokens(),
                shadowCost, includeText && response != null ? response.firstText() : null));
    }
}
