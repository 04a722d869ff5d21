package dev.gearbox.config;

/**
 * What an Azure OpenAI deployment needs beyond OpenAI's fields: the Azure deployment name (a URL path
 * segment, defaulting to the deployment's {@code model}) and the {@code api-version} query value.
 */
public record AzureSettings(String deployment, String apiVersion) {
    /** A recent GA version of the Azure OpenAI data-plane API. */
    public static final String DEFAULT_API_VERSION = "2024-10-21";
}
