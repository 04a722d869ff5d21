package dev.gearbox.core.cascade;

import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import java.util.concurrent.CompletableFuture;

/**
 * One check on a cheap tier's answer before the client sees it. Gates are small values run in
 * order by the cascade; most are pure and answer at once, a judge calls a deployment. The future
 * never fails: a gate that cannot decide (timeout, bad judge output) abstains.
 */
public interface QualityGate {
    String name();

    CompletableFuture<GateVerdict> check(ChatRequest request, ChatResponse answer);

    /** True when the gate reads token logprobs, so the cascade asks the deployment for them. */
    default boolean needsLogprobs() {
        return false;
    }

    /** True when a check costs an upstream call (a judge); the cascade runs such a gate once per request. */
    default boolean callsUpstream() {
        return false;
    }
}
