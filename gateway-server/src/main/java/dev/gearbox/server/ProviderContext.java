package dev.gearbox.server;

import dev.gearbox.providers.http.UpstreamHttpClient;
import dev.gearbox.providers.openai.OpenAiCodec;
import io.netty.channel.EventLoopGroup;
import java.time.Clock;

/** The shared runtime pieces providers are built from: the event loops, the upstream client, the codec, the clock. */
public record ProviderContext(EventLoopGroup eventLoops, UpstreamHttpClient http, OpenAiCodec codec, Clock clock) {
}
