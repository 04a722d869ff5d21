package dev.gearbox.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds an Azure OpenAI deployment's own keys, {@code azure_deployment} (optional, defaults to the
 * deployment's {@code model}; it becomes a URL path segment) and {@code api_version} (optional,
 * {@link AzureSettings#DEFAULT_API_VERSION}, shaped {@code YYYY-MM-DD} or {@code YYYY-MM-DD-preview}),
 * and refuses both keys on any other provider.
 */
final class AzureBinder {
    static final String DEPLOYMENT = "azure_deployment";
    static final String API_VERSION = "api_version";
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern VERSION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    private AzureBinder() {
    }

    /** The settings of an azure deployment, null after reporting a problem or for other providers. */
    static AzureSettings bind(ConfigReader d, ProviderKind provider, String model) {
        if (provider != ProviderKind.AZURE) {
            for (String key : new String[] {DEPLOYMENT, API_VERSION}) {
                if (provider != null && d.has(key)) {
                    d.error(key, "only allowed for provider azure, this deployment uses " + provider.wire());
                }
            }
            return null;
        }
        Optional<String> deployment = d.has(DEPLOYMENT) ? d.string(DEPLOYMENT).filter(name -> check(d, DEPLOYMENT,
                SEGMENT.matcher(name).matches(), "must contain only letters, digits, '.', '_' and '-', got \""
                        + name + "\"")) : Optional.ofNullable(model);
        Optional<String> version = d.has(API_VERSION) ? d.string(API_VERSION).filter(v -> check(d, API_VERSION,
                VERSION.matcher(v).matches(), "must look like 2024-10-21 or 2025-04-01-preview, got \"" + v + "\""))
                : Optional.of(AzureSettings.DEFAULT_API_VERSION);
        if (deployment.isEmpty() || version.isEmpty()) {
            return null;
        }
        return new AzureSettings(deployment.get(), version.get());
    }

    private static boolean check(ConfigReader r, String key, boolean ok, String message) {
        if (!ok) {
            r.error(key, message);
        }
        return ok;
    }
}
