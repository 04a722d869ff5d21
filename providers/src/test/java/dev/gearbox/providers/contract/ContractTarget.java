package dev.gearbox.providers.contract;

import dev.gearbox.providers.http.UpstreamHttpClient;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What the suite hands a provider factory: the WireMock origin replaying the provider's fixtures
 * (scheme, host and port, no path; a provider without a wire ignores it), a shared upstream HTTP
 * client, a fixed clock, a scheduler for providers that time their own answers, the model name
 * the deployment sends upstream (fixtures match on it) and the deployment's API key.
 */
public record ContractTarget(URI wireOrigin, UpstreamHttpClient http, Clock clock,
                             ScheduledExecutorService scheduler, String model, String apiKey) {
}
