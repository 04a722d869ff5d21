package dev.gearbox.server.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Set;

/** What the route table says about a method and path. */
public sealed interface RouteMatch {

    /** A known path and method. {@code name} is the bounded route label used in metrics. */
    record Found(String name, Endpoint endpoint) implements RouteMatch {
    }

    /** The path exists but not for this method; {@code allowed} feeds the {@code Allow} header. */
    record MethodNotAllowed(Set<HttpMethod> allowed) implements RouteMatch {
    }

    record NotFound() implements RouteMatch {
    }
}
