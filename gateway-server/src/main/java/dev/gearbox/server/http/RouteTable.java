package dev.gearbox.server.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Exact-path routing: each path maps methods to endpoints. Immutable once built. */
public final class RouteTable {
    private final Map<String, Map<HttpMethod, RouteMatch.Found>> routes;

    private RouteTable(Map<String, Map<HttpMethod, RouteMatch.Found>> routes) {
        this.routes = routes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Looks up a path (without query string) and method. */
    public RouteMatch match(HttpMethod method, String path) {
        Map<HttpMethod, RouteMatch.Found> byMethod = routes.get(path);
        if (byMethod == null) {
            return new RouteMatch.NotFound();
        }
        RouteMatch.Found found = byMethod.get(method);
        return found != null ? found : new RouteMatch.MethodNotAllowed(byMethod.keySet());
    }

    public static final class Builder {
        private final Map<String, Map<HttpMethod, RouteMatch.Found>> routes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds {@code method path}; {@code name} labels it in metrics. */
        public Builder add(HttpMethod method, String path, String name, Endpoint endpoint) {
            RouteMatch.Found previous = routes.computeIfAbsent(path, p -> new LinkedHashMap<>())
                    .putIfAbsent(method, new RouteMatch.Found(name, endpoint));
            if (previous != null) {
                throw new IllegalArgumentException("route already defined: " + method + " " + path);
            }
            return this;
        }

        public RouteTable build() {
            Map<String, Map<HttpMethod, RouteMatch.Found>> copy = new LinkedHashMap<>();
            routes.forEach((path, methods) ->
                    copy.put(path, Collections.unmodifiableMap(new LinkedHashMap<>(methods))));
            return new RouteTable(Collections.unmodifiableMap(copy));
        }
    }
}
