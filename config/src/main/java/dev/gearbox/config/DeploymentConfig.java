package dev.gearbox.config;

import java.net.URI;
import java.util.Map;

/**
 * One model at one endpoint with its price. {@code apiKey} is a secret: it never appears in
 * {@link #toString()}, logs or errors. {@code baseUrl} and {@code apiKey} are null for the simulator.
 * {@code headers} are extra headers sent upstream (e.g. an organisation id). {@code anthropic} is set
 * for provider anthropic only, {@code azure} for provider azure only (null otherwise).
 */
public record DeploymentConfig(
        String name,
        ProviderKind provider,
        URI baseUrl,
        String apiKey,
        String model,
        Price price,
        Timeouts timeouts,
        Map<String, String> headers,
        SimulatorSettings simulator,
        AnthropicSettings anthropic,
        AzureSettings azure) {

    public DeploymentConfig {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
        price = price == null ? Price.FREE : price;
    }

    /** A deployment without provider-specific settings beyond the simulator's. */
    public DeploymentConfig(String name, ProviderKind provider, URI baseUrl, String apiKey, String model, Price price,
                            Timeouts timeouts, Map<String, String> headers, SimulatorSettings simulator) {
        this(name, provider, baseUrl, apiKey, model, price, timeouts, headers, simulator, null, null);
    }

    /** A deployment with Anthropic settings (null for other providers) and no Azure settings. */
    public DeploymentConfig(String name, ProviderKind provider, URI baseUrl, String apiKey, String model, Price price,
                            Timeouts timeouts, Map<String, String> headers, SimulatorSettings simulator,
                            AnthropicSettings anthropic) {
        this(name, provider, baseUrl, apiKey, model, price, timeouts, headers, simulator, anthropic, null);
    }

    /** The same deployment with Anthropic settings. */
    public DeploymentConfig withAnthropic(AnthropicSettings settings) {
        return new DeploymentConfig(name, provider, baseUrl, apiKey, model, price, timeouts, headers, simulator,
                settings, azure);
    }

    /** The same deployment with Azure OpenAI settings. */
    public DeploymentConfig withAzure(AzureSettings settings) {
        return new DeploymentConfig(name, provider, baseUrl, apiKey, model, price, timeouts, headers, simulator,
                anthropic, settings);
    }

    @Override
    public String toString() {
        return "DeploymentConfig[name=" + name + ", provider=" + provider.wire() + ", baseUrl=" + baseUrl
                + ", apiKey=" + (apiKey == null || apiKey.isEmpty() ? "<none>" : "<redacted>")
                + ", model=" + model + ", price=" + price + ", timeouts=" + timeouts
                + (azure == null ? "" : ", azure=" + azure) + "]";
    }
}
