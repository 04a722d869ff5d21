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
}
