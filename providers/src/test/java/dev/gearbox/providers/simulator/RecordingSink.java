package dev.gearbox.providers.simulator;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.provider.ChunkSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects a stream with the virtual time each chunk arrived. */
final class RecordingSink implements ChunkSink {
    final List<ChatChunk> chunks = new ArrayList<>();
    final List<Duration> times = new ArrayList<>();
    int completions;
    GatewayException error;
    private final Supplier<Duration> clock;

    RecordingSink(Supplier<Duration> clock) {
        this.clock = clock;
    }

    @Override
    public void onChunk(ChatChunk chunk) {
        chunks.add(chunk);
        times.add(clock.get());
    }

    @Override
    public void onComplete() {
        completions++;
    }

    @Override
    public void onError(GatewayException e) {
        error = e;
    }

    String text() {
        StringBuilder sb = new StringBuilder();
        for (ChatChunk c : chunks) {
            for (var choice : c.choices()) {
                if (choice.delta().content() != null) {
                    sb.append(choice.delta().content());
                }
            }
        }
        return sb.toString();
    }
}
