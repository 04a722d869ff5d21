package dev.gearbox.core.testing;

import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.GatewayStreamListener;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.ChatChunk;
import java.util.ArrayList;
import java.util.List;

/** Records every listener call in order, as strings, plus the routes and error it received. */
public final class RecordingListener implements GatewayStreamListener {
    public final List<String> events = new ArrayList<>();
    public RouteInfo started;
    public RouteInfo completed;
    public GatewayException error;

    @Override
    public synchronized void onStart(RouteInfo route) {
        started = route;
        events.add("start:" + route.deployment());
    }

    @Override
    public synchronized void onChunk(ChatChunk chunk) {
        events.add(chunk.isUsageOnly() ? "usage:" + chunk.usage().totalTokens()
                : "chunk:" + chunk.model() + ":" + chunk.choices().get(0).delta().content());
    }

    @Override
    public synchronized void onComplete(RouteInfo route) {
        completed = route;
        events.add("complete");
    }

    @Override
    public synchronized void onError(GatewayException e, boolean committed) {
        error = e;
        events.add("error:" + e.kind() + ":" + committed);
    }

    public synchronized long terminations() {
        return events.stream().filter(e -> e.equals("complete") || e.startsWith("error:")).count();
    }
}
