package dev.gearbox.providers.simulator;

import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.SimulatorSettings;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Content;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.provider.ChatProvider;
import dev.gearbox.core.provider.ChunkSink;
import dev.gearbox.core.provider.StreamHandle;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A real provider whose model is simulated in-process: no network, no key. Answers are
 * deterministic for (settings seed, request content) and arrive on the schedule a real model
 * would keep: after {@code timeToFirstToken}, then at {@code tokensPerSecond}. Usage is counted
 * with {@link ApproxTokenizer}. A share {@code failureRate} of calls fails with a 503, drawn from a
 * generator seeded with the settings seed, so a run is repeatable.
 */
public final class SimulatorProvider implements ChatProvider {
    private static final String FINGERPRINT = "fp_gearbox_sim";

    private final String model;
    private final SimulatorSettings settings;
    private final TaskScheduler scheduler;
    private final Clock clock;
    private final AnswerPlanner planner;
    private final StreamScript script;
    private final Random callRandom;

    public SimulatorProvider(DeploymentConfig deployment, TaskScheduler scheduler, Clock clock) {
        this.model = Objects.requireNonNull(deployment.model(), "deployment model");
        this.settings = deployment.simulator() == null ? SimulatorSettings.DEFAULT : deployment.simulator();
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.planner = new AnswerPlanner(settings, model);
        this.script = new StreamScript(settings.timeToFirstToken(), settings.tokensPerSecond());
        this.callRandom = new Random(settings.seed());
    }

    /** Times answers on a scheduled executor (a Netty {@code EventExecutorGroup} is one). */
    public SimulatorProvider(DeploymentConfig deployment, ScheduledExecutorService executor, Clock clock) {
        this(deployment, TaskScheduler.of(executor), clock);
    }

    @Override
    public CompletableFuture<ChatResponse> complete(ChatRequest request) {
        CompletableFuture<ChatResponse> result = new CompletableFuture<>();
        AnswerPlan plan;
        try {
            plan = planner.plan(request);
            failIfDrawn();
        } catch (GatewayException e) {
            result.completeExceptionally(e);
            return result;
        }
        ChatResponse response = response(plan, request);
        TaskScheduler.ScheduledTask task;
        try {
            task = scheduler.schedule(script.readyAfter(plan.longestChoiceTokens()), () -> result.complete(response));
        } catch (RejectedExecutionException e) {
            result.completeExceptionally(shutDown());
            return result;
        }
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                task.cancel();
            }
        });
        return result;
    }

    @Override
    public StreamHandle stream(ChatRequest request, ChunkSink sink) {
        AnswerPlan plan;
        try {
            plan = planner.plan(request);
            failIfDrawn();
        } catch (GatewayException e) {
            return failLater(sink, e);
        }
        var header = new StreamScript.Header(nextId(), clock.instant().getEpochSecond(), model, FINGERPRINT);
        var chunks = script.chunks(plan, header, request.includeUsage(), logprobs(request, plan),
                new Random(plan.seed() ^ 0x5DEECE66DL));
        try {
            return new StreamPlayback(chunks, sink, scheduler).start();
        } catch (RejectedExecutionException e) {
            sink.onError(shutDown());
            return () -> { };
        }
    }

    /** Reports the error from the scheduler's thread, as every other sink call arrives. */
    private StreamHandle failLater(ChunkSink sink, GatewayException error) {
        try {
            TaskScheduler.ScheduledTask task = scheduler.schedule(Duration.ZERO, () -> sink.onError(error));
            return task::cancel;
        } catch (RejectedExecutionException e) {
            sink.onError(error);
            return () -> { };
        }
    }

    private static GatewayException shutDown() {
        return GatewayException.upstream(ErrorKind.UPSTREAM_UNAVAILABLE, 0, "the simulator's scheduler is shut down",
                null);
    }

    private ChatResponse response(AnswerPlan plan, ChatRequest request) {
        LogprobsFactory logprobs = logprobs(request, plan);
        List<Choice> choices = new ArrayList<>(plan.choices().size());
        for (SimulatedChoice c : plan.choices()) {
            Message message = c.toolCall() == null
                    ? new Message(Role.ASSISTANT, Content.of(c.text()), null, List.of(), null, Map.of())
                    : new Message(Role.ASSISTANT, null, null, List.of(c.toolCall()), null, Map.of());
            choices.add(new Choice(c.index(), message, c.finishReason(),
                    logprobs == null || c.toolCall() != null ? null : logprobs.forPieces(c.pieces())));
        }
        return new ChatResponse(nextId(), clock.instant().getEpochSecond(), model, choices, plan.usage(),
                FINGERPRINT, Map.of());
    }

    private static LogprobsFactory logprobs(ChatRequest request, AnswerPlan plan) {
        if (!Boolean.TRUE.equals(request.logprobs())) {
            return null;
        }
        int top = request.topLogprobs() == null ? 0 : request.topLogprobs();
        return new LogprobsFactory(new Random(plan.seed() + 17), top);
    }

    private void failIfDrawn() {
        double draw;
        synchronized (callRandom) {
            draw = callRandom.nextDouble();
        }
        if (draw < settings.failureRate()) {
            throw GatewayException.upstream(ErrorKind.UPSTREAM_UNAVAILABLE, 503, "simulated upstream failure", null);
        }
    }

    private String nextId() {
        long a;
        long b;
        synchronized (callRandom) {
            a = callRandom.nextLong();
            b = callRandom.nextLong();
        }
        return "chatcmpl-sim-" + Long.toHexString(a & 0xffffffffffffL) + Long.toHexString(b & 0xffffffffffffL);
    }
}
