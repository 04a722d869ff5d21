package dev.gearbox.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.CascadeConfig;
import dev.gearbox.config.GateConfig;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.routing.RoutingDecision;
import dev.gearbox.core.testing.Fixture;
import dev.gearbox.core.testing.RecordingListener;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The gateway's dispatch step: which requests cascade, and that a cascade is counted like any request. */
class DefaultChatGatewayCascadeTest {
    private static final CascadeConfig CASCADE = new CascadeConfig(true, Tier.FAST, Tier.FRONTIER, 2,
            CascadeConfig.Hint.REASON, Set.of("math"), CascadeConfig.Streams.BUFFER, List.of(new GateConfig.Empty()));

    private final Fixture f = Fixture.builder().tier(Tier.FAST, "fast-1").tier(Tier.BALANCED, "bal-1")
            .tier(Tier.FRONTIER, "front-1").build();
    private final RequestContext context = new RequestContext("req-1", f.nanos.get(), "tenant", Map.of());

    private DefaultChatGateway gateway(String requestClass) {
        RoutingDecision decision = new RoutingDecision(Tier.BALANCED, 0.5, 0.4, requestClass, null);
        return DefaultChatGateway.create(f.config.withCascade(CASCADE), f.registry, f.health, f.metrics, f.clock,
                (req, ctx) -> CompletableFuture.completedFuture(decision));
    }

    private static ChatRequest request(String model) {
        return ChatRequest.of(model, List.of(Message.of(Role.USER, "What is 12 * 12?")));
    }

    @Test
    void autoInACascadingClassStartsCheapAndEscalates() {
        f.provider("fast-1").answer("");
        f.provider("bal-1").answer("144");

        GatewayResponse r = gateway("math").complete(request("auto"), context).join();

        assertThat(r.response().firstText()).isEqualTo("144");
        assertThat(r.route().tier()).isEqualTo(Tier.BALANCED);
        assertThat(r.route().cascade().escalated()).isTrue();
        assertThat(f.count("gearbox.requests", "tier", "balanced", "deployment", "bal-1", "outcome", "ok")).isEqualTo(1);
        assertThat(f.count("gearbox.cascade.requests", "start_tier", "fast", "final_tier", "balanced", "escalated", "true",
                "class", "math")).isEqualTo(1);
    }

    @Test
    void otherClassesAndPinnedModelsAreRouted() {
        f.provider("bal-1").answer("");
        f.provider("fast-1").answer("");

        GatewayResponse routed = gateway("code").complete(request("auto"), context).join();
        GatewayResponse pinned = gateway("math").complete(request("fast-1"), context).join();

        assertThat(routed.route().deployment()).isEqualTo("bal-1");
        assertThat(routed.route().cascade()).isNull();
        assertThat(pinned.route().deployment()).isEqualTo("fast-1");
        assertThat(pinned.route().cascade()).isNull();
    }

    @Test
    void aCascadedStreamIsCountedOnce() {
        f.provider("fast-1").answer("144");
        RecordingListener listener = new RecordingListener();

        gateway("math").stream(request("auto").withStream(true, false), context, listener);

        assertThat(listener.events).first().isEqualTo("start:fast-1");
        assertThat(listener.events).last().isEqualTo("complete");
        assertThat(listener.completed.decision().requestClass()).isEqualTo("math");
        assertThat(listener.completed.cascade().escalated()).isFalse();
        assertThat(f.count("gearbox.requests", "tier", "fast", "deployment", "fast-1", "outcome", "ok")).isEqualTo(1);
    }
}
