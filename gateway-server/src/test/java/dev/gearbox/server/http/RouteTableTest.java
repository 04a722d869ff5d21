package dev.gearbox.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.HttpMethod;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final Endpoint a = (request, exchange) -> { };
    private final Endpoint b = (request, exchange) -> { };
    private final RouteTable table = RouteTable.builder()
            .add(HttpMethod.GET, "/x", "x_get", a)
            .add(HttpMethod.POST, "/x", "x_post", b)
            .addWithParameter(HttpMethod.GET, "/x/", "x_item", b)
            .build();

    @Test
    void aParameterRouteMatchesOneSegmentAfterItsPrefix() {
        assertThat(table.match(HttpMethod.GET, "/x/abc")).isEqualTo(new RouteMatch.Found("x_item", b));
        assertThat(table.match(HttpMethod.GET, "/x/a/b")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.match(HttpMethod.DELETE, "/x/abc")).isInstanceOf(RouteMatch.MethodNotAllowed.class);
    }

    @Test
    void aParameterRoutesPrefixMustEndInASlash() {
        assertThatThrownBy(() -> RouteTable.builder().addWithParameter(HttpMethod.GET, "/x", "x", a))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void matchesExactPathAndMethod() {
        assertThat(table.match(HttpMethod.GET, "/x")).isEqualTo(new RouteMatch.Found("x_get", a));
        assertThat(table.match(HttpMethod.POST, "/x")).isEqualTo(new RouteMatch.Found("x_post", b));
    }

    @Test
    void aKnownPathWithAnotherMethodListsTheAllowedOnes() {
        RouteMatch match = table.match(HttpMethod.PUT, "/x");

        assertThat(match).isInstanceOf(RouteMatch.MethodNotAllowed.class);
        assertThat(((RouteMatch.MethodNotAllowed) match).allowed()).containsExactly(HttpMethod.GET, HttpMethod.POST);
    }

    @Test
    void anythingElseIsNotFound() {
        assertThat(table.match(HttpMethod.GET, "/x/")).isInstanceOf(RouteMatch.NotFound.class);
        assertThat(table.match(HttpMethod.GET, "/X")).isInstanceOf(RouteMatch.NotFound.class);
    }

    @Test
    void aRouteCannotBeDefinedTwice() {
        assertThatThrownBy(() -> RouteTable.builder().add(HttpMethod.GET, "/x", "one", a).add(HttpMethod.GET, "/x", "two", b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GET /x");
    }
}
