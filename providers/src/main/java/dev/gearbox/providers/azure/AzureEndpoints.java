package dev.gearbox.providers.azure;

import dev.gearbox.config.AzureSettings;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.providers.http.EndpointPaths;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Azure OpenAI's deployment-based URL: {@code {endpoint}/openai/deployments/{deployment}/chat/completions?api-version=...}. */
final class AzureEndpoints {
    private AzureEndpoints() {
    }

    static URI chatCompletions(DeploymentConfig deployment) {
        if (deployment.baseUrl() == null) {
            throw new IllegalArgumentException("azure deployment " + deployment.name() + " has no base_url");
        }
        AzureSettings azure = deployment.azure() != null ? deployment.azure()
                : new AzureSettings(deployment.model(), AzureSettings.DEFAULT_API_VERSION);
        return EndpointPaths.join(deployment.baseUrl(), "openai/deployments/" + encode(azure.deployment())
                + "/chat/completions?api-version=" + encode(azure.apiVersion()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
