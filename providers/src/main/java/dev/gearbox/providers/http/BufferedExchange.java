package dev.gearbox.providers.http;

import dev.gearbox.config.Timeouts;
import dev.gearbox.core.error.GatewayException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A request whose answer is read whole (bounded) and then turned into a value, the way every
 * provider's non-streamed call works. A failure to send, to read or to interpret the answer fails
 * the future with a {@link GatewayException}; cancelling the future cancels the call.
 */
public final class BufferedExchange {
    /** A complete answer larger than this is refused rather than held in memory. */
    public static final long MAX_RESPONSE_BYTES = 32L * 1024 * 1024;

    private BufferedExchange() {
    }

    /** Sends {@code request} and applies {@code read} (which may throw a GatewayException) to the whole answer. */
    public static <T> CompletableFuture<T> send(UpstreamHttpClient http, UpstreamRequest request, Timeouts timeouts,
                                                Function<BufferedResponse, T> read) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        BodyCollector collector = new BodyCollector(MAX_RESPONSE_BYTES);
        UpstreamCall call = http.send(request, timeouts, collector);
        collector.attach(call);
        collector.result().whenComplete((response, failure) -> {
            if (failure != null) {
                answer.completeExceptionally(GatewayException.from(failure));
                return;
            }
            try {
                answer.complete(read.apply(response));
            } catch (GatewayException e) {
                answer.completeExceptionally(e);
            }
        });
        answer.whenComplete((r, e) -> {
            if (answer.isCancelled()) {
                call.cancel();
            }
        });
        return answer;
    }
}
