package dev.gearbox.server.testing;

import dev.gearbox.config.Tier;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.gateway.Attempt;
import dev.gearbox.core.gateway.GatewayResponse;
import dev.gearbox.core.gateway.RouteInfo;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ChunkChoice;
import dev.gearbox.core.model.Delta;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Usage;
import java.util.List;
import java.util.Map;

/** Canonical values for handler tests. */
public final class Samples {
    public static final String CHAT_BODY = "{\"model\":\"auto\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    public static final String STREAM_BODY =
            "{\"model\":\"auto\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private Samples() {
    }

    /** Answered by fast-1 on the second attempt after 5 ms upstream time. */
    public static RouteInfo route() {
        return new RouteInfo(Tier.FAST, "fast-1", List.of(
                new Attempt("fast-0", Tier.FAST, 1_000_000, ErrorKind.UPSTREAM_UNAVAILABLE, 503, "HTTP 503"),
                new Attempt("fast-1", Tier.FAST, 4_000_000, null, 200, "ok")), 5_000_000);
    }

    public static GatewayResponse answer(String text) {
        ChatResponse response = new ChatResponse("chatcmpl-1", 1_700_000_000L, "fast-model",
                List.of(new Choice(0, Message.of(Role.ASSISTANT, text), "stop", null)), Usage.of(3, 2), null, Map.of());
        return new GatewayResponse(response, route());
    }

    public static ChatChunk chunk(String text) {
        return new ChatChunk("chatcmpl-1", 1_700_000_000L, "fast-model",
                List.of(new ChunkChoice(0, Delta.content(text), null, null)), null, null, Map.of());
    }
}
