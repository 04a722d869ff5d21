package dev.gearbox.providers.http;

import dev.gearbox.config.DeploymentConfig;
import java.net.URI;

/** Joins an API base URL and an endpoint path the way SDKs do, whatever slashes either side has. */
public final class EndpointPaths {
    private EndpointPaths() {
    }

    /** The deployment's base URL; a provider that calls a remote API cannot be built without one. */
    public static URI requireBaseUrl(DeploymentConfig deployment) {
        if (deployment.baseUrl() == null) {
            throw new IllegalArgumentException("deployment " + deployment.name() + " has no base_url");
        }
        return deployment.baseUrl();
    }

    /**
     * {@code https://h/v1} and {@code https://h/v1/} both give {@code https://h/v1/chat/completions}
     * for {@code chat/completions}; a query on the base (e.g. {@code api-version}) is kept.
     */
    public static URI join(URI base, String endpoint) {
        String path = base.getRawPath() == null ? "" : base.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String tail = endpoint;
        while (tail.startsWith("/")) {
            tail = tail.substring(1);
        }
        String query = base.getRawQuery() == null ? "" : "?" + base.getRawQuery();
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + path + "/" + tail + query);
    }
}
