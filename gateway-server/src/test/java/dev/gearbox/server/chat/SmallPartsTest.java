package dev.gearbox.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.gateway.RouteInfo;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat endpoint's small pure helpers: content type, tenant, gearbox headers. */
class SmallPartsTest {

    @Test
    void jsonAndCurlsDefaultContentTypesPassAndOthersAre415() {
        for (String ok : new String[] {null, "", "application/json", "Application/JSON; charset=utf-8",
                "application/vnd.api+json", "application/x-www-form-urlencoded"}) {
            assertThatCode(() -> JsonContentType.require(ok)).as(String.valueOf(ok)).doesNotThrowAnyException();
        }
        for (String bad : new String[] {"text/plain", "text/xml", "multipart/form-data; boundary=x"}) {
            assertThatThrownBy(() -> JsonContentType.require(bad)).as(bad)
                    .isInstanceOfSatisfying(GatewayException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNSUPPORTED_MEDIA_TYPE));
        }
    }

    @Test
    void theTenantIsAStableHashPrefixOfTheBearerToken() {
        String tenant = TenantIds.fromAuthorization("Bearer sk-abc");

        assertThat(tenant).matches("key-[0-9a-f]{12}").doesNotContain("abc");
        assertThat(TenantIds.fromAuthorization("bearer sk-abc")).isEqualTo(tenant);
        assertThat(TenantIds.fromAuthorization("Bearer sk-abd")).isNotEqualTo(tenant);
        assertThat(TenantIds.fromAuthorization(null)).isEqualTo("anonymous");
        assertThat(TenantIds.fromAuthorization("Bearer   ")).isEqualTo("anonymous");
        assertThat(TenantIds.fromAuthorization("Basic dXNlcjpwYXNz")).isEqualTo("anonymous");
    }

    @Test
    void onlyGearboxHeadersReachTheContextLowerCased() {
        HttpHeaders headers = new DefaultHttpHeaders()
                .add("X-Gearbox-Tier", "fast")
                .add("x-gearbox-tier", "frontier")
                .add("Authorization", "Bearer sk-1")
                .add("x-other", "1");

        assertThat(RequestContexts.gearboxHeaders(headers)).containsExactlyEntriesOf(java.util.Map.of("x-gearbox-tier", "fast"));
    }

    @Test
    void overheadIsElapsedMinusUpstreamInMillisWithTwoDecimals() {
        assertThat(GearboxResponseHeaders.millis(420_000)).isEqualTo("0.42");
        assertThat(GearboxResponseHeaders.millis(1_005_000)).isEqualTo("1.01");
        assertThat(GearboxResponseHeaders.millis(12_340_000_000L)).isEqualTo("12340.00");
        assertThat(GearboxResponseHeaders.millis(-5)).isEqualTo("0.00");

        HttpHeaders headers = new DefaultHttpHeaders();
        GearboxResponseHeaders.apply(headers, new RouteInfo(null, "pinned-1", List.of(), 3_000_000), 3_250_000);
        assertThat(headers.contains("x-gearbox-tier")).as("a pinned deployment has no tier").isFalse();
        assertThat(headers.get("x-gearbox-deployment")).isEqualTo("pinned-1");
        assertThat(headers.get("x-gearbox-attempts")).isEqualTo("0");
        assertThat(headers.get("x-gearbox-overhead-ms")).isEqualTo("0.25");
    }

    @Test
    void aRoutingDecisionAddsScoreClassAndRuleHeaders() {
        HttpHeaders headers = new DefaultHttpHeaders();
        RouteInfo route = new RouteInfo(dev.gearbox.config.Tier.FRONTIER, "front-1", List.of(), 0)
                .withDecision(new dev.gearbox.core.routing.RoutingDecision(
                        dev.gearbox.config.Tier.FRONTIER, 0.71249, 0.4, "math", "regulated"));

        GearboxResponseHeaders.apply(headers, route, 0);

        assertThat(headers.get("x-gearbox-score")).isEqualTo("0.712");
        assertThat(headers.get("x-gearbox-class")).isEqualTo("math");
        assertThat(headers.get("x-gearbox-rule")).isEqualTo("regulated");

        HttpHeaders forced = new DefaultHttpHeaders();
        GearboxResponseHeaders.apply(forced, route.withDecision(new dev.gearbox.core.routing.RoutingDecision(
                dev.gearbox.config.Tier.FAST, null, 1, null, null)), 0);
        assertThat(forced.names()).doesNotContain("x-gearbox-score", "x-gearbox-class", "x-gearbox-rule");
    }
}
