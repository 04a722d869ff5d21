package dev.gearbox.server.http;

import dev.gearbox.server.ServerState;
import java.util.function.LongSupplier;

/**
 * What every exchange needs besides its connection: the error writer, the metrics recorder,
 * the server's lifecycle state, the request-id source and the nanosecond clock
 * ({@code System::nanoTime} in production, a fake in tests).
 */
public record ExchangeServices(
        ErrorResponder errors,
        ExchangeRecorder recorder,
        ServerState state,
        RequestIds requestIds,
        LongSupplier nanoTime) {
}
