package dev.gearbox.providers.openai;

import dev.gearbox.core.error.GatewayException;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * How an OpenAI-shaped upstream's failures become GatewayExceptions. {@link OpenAiErrorMapper} is the
 * plain one; a provider whose errors say more (Azure's content filter) refines it.
 */
public interface ErrorMapping {

    /** An error response ({@code status} outside 2xx) or a 2xx whose body is an error document. */
    GatewayException map(int status, HttpHeaders headers, byte[] body);

    /** The answer to a stream request that is not an event stream. */
    GatewayException mapNonStreamAnswer(int status, HttpHeaders headers, byte[] body);

    /** An {@code error} event inside an SSE stream. */
    GatewayException mapStreamError(String eventData);
}
