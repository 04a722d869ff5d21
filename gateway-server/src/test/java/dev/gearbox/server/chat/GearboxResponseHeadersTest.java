package dev.gearbox.server.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.config.Tier;
import dev.gearbox.core.cascade.CascadeTrace;
import dev.gearbox.core.cascade.GateVerdict;
import dev.gearbox.core.gateway.RouteInfo;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

class GearboxResponseHeadersTest {
    private static HttpHeaders headersFor(CascadeTrace trace) {
        HttpHeaders headers = new DefaultHttpHeaders();
        GearboxResponseHeaders.apply(headers, new RouteInfo(Tier.BALANCED, "mid", List.of(), 0).withCascade(trace), 0);
        return headers;
    }

    @Test
    void anEscalatedCascadeNamesTheGateAndReasonThatEscalated() {
        HttpHeaders h = headersFor(new CascadeTrace(Tier.FAST, true, List.of(
                new GateVerdict.Escalate("json", "invalid_json", "not valid JSON at line 1"), new GateVerdict.Accept("json"))));

        assertThat(h.get("x-gearbox-escalated")).isEqualTo("true");
        assertThat(h.get("x-gearbox-gate")).isEqualTo("json:invalid_json");
        assertThat(h.get("x-gearbox-tier")).isEqualTo("balanced");
    }

    @Test
    void anAcceptedCheapAnswerNamesTheAcceptingGate() {
        HttpHeaders h = headersFor(new CascadeTrace(Tier.FAST, false, List.of(new GateVerdict.Accept("empty"),
                new GateVerdict.Abstain("json"))));

        assertThat(h.get("x-gearbox-escalated")).isEqualTo("false");
        assertThat(h.get("x-gearbox-gate")).isEqualTo("empty:accepted");
    }

    @Test
    void whenEveryGateAbstainedThereIsNoGateHeaderAndRoutedRequestsHaveNeither() {
        HttpHeaders abstained = headersFor(new CascadeTrace(Tier.FAST, false, List.of(new GateVerdict.Abstain("judge"))));
        HttpHeaders routed = new DefaultHttpHeaders();
        GearboxResponseHeaders.apply(routed, new RouteInfo(Tier.FAST, "cheap", List.of(), 0), 0);

        assertThat(abstained.get("x-gearbox-escalated")).isEqualTo("false");
        assertThat(abstained.contains("x-gearbox-gate")).isFalse();
        assertThat(routed.contains("x-gearbox-escalated")).isFalse();
        assertThat(routed.contains("x-gearbox-gate")).isFalse();
    }
}
