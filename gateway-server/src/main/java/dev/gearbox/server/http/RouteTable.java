package dev.gearbox.server.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Path routing: exact paths first, then path prefixes for routes with a trailing parameter
 * ({@code /v1/models/{id}}); each maps methods to endpoints. Immutable once built.
 */
public final class RouteTable {
    private final Map<String, Map<HttpMethod, RouteMatch.Found>> routes;
    private final Map<String, Map<HttpMethod, RouteMatch.Found>> prefixes;

    private RouteTable(Map<String, Map<HttpMethod, RouteMatch.Found>> routes,
                       Map<String, Map<HttpMethod, RouteMatch.Found>> prefixes) {
        this.routes = routes;
        this.prefixes = prefixes;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Looks up a path (without query string) and method. */
    public RouteMatch match(HttpMethod method, String path) {
        Map<HttpMethod, RouteMatch.Found> byMethod = routes.get(path);
        if (byMethod == null) {
            byMethod = byPrefix(path);
        }
        if (byMethod == null) {
            return new RouteMatch.NotFound();
        }
        RouteMatch.Found found = byMethod.get(method);
        return found != null ? found : new RouteMatch.MethodNotAllowed(byMethod.keySet());
    }

    /** The methods of the longest prefix that {@code path} extends by a non-empty, slash-free segment. */
    private Map<HttpMethod, RouteMatch.Found> byPrefix(String path) {
        Map<HttpMethod, RouteMatch.Found> best = null;
        int bestLength = -1;
        for (Map.Entry<String, Map<HttpMethod, RouteMatch.Found>> e : prefixes.entrySet()) {
            String prefix = e.getKey();
            if (path.length() > prefix.length() && path.startsWith(prefix) && prefix.length() > bestLength
                    && path.indexOf('/', prefix.length()) < 0) {
                best = e.getValue();
                bestLength = prefix.length();
            }
        }
        return best;
    }

    public static final class Builder {
        private final Map<String, Map<HttpMethod, RouteMatch.Found>> routes = new LinkedHashMap<>();
        private final Map<String, Map<HttpMethod, RouteMatch.Found>> prefixes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds {@code method path}; {@code name} labels it in metrics. */
        public Builder add(HttpMethod method, String path, String name, Endpoint endpoint) {
            put(routes, method, path, name, endpoint);
            return this;
        }

        /**
         * Adds {@code method prefix{param}}: paths that are {@code prefix} (ending in {@code /})
         * followed by one non-empty segment. The endpoint reads the segment from the request URI.
         */
        public Builder addWithParameter(HttpMethod method, String prefix, String name, Endpoint endpoint) {
            if (!prefix.endsWith("/")) {
                throw new IllegalArgumentException("a parameter route's prefix ends with '/': " + prefix);
            }
            put(prefixes, method, prefix, name, endpoint);
            return this;
        }

        private static void put(Map<String, Map<HttpMethod, RouteMatch.Found>> table, HttpMethod method, String path,
                                String name, Endpoint endpoint) {
            RouteMatch.Found previous = table.computeIfAbsent(path, p -> new LinkedHashMap<>())
                    .putIfAbsent(method, new RouteMatch.Found(name, endpoint));
            if (previous != null) {
                throw new IllegalArgumentException("route already defined: " + method + " " + path);
            }
        }

        public RouteTable build() {
            return new RouteTable(freeze(routes), freeze(prefixes));
        }

        private static Map<String, Map<HttpMethod, RouteMatch.Found>> freeze(
                Map<String, Map<HttpMethod, RouteMatch.Found>> table) {
            Map<String, Map<HttpMethod, RouteMatch.Found>> copy = new LinkedHashMap<>();
            table.forEach((path, methods) ->
                    copy.put(path, Collections.unmodifiableMap(new LinkedHashMap<>(methods))));
            return Collections.unmodifiableMap(copy);
        }
    }
}
