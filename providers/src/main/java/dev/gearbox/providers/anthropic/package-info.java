/**
 * Anthropic's native Messages API ({@code POST /v1/messages}): a pure translator each way
 * ({@link dev.gearbox.providers.anthropic.AnthropicRequestTranslator},
 * {@link dev.gearbox.providers.anthropic.AnthropicResponseTranslator},
 * {@link dev.gearbox.providers.anthropic.AnthropicStreamTranslator}), an error mapper into the
 * one taxonomy, and the provider that sends requests on the shared Netty upstream client.
 * No Anthropic wire type leaves this package.
 */
package dev.gearbox.providers.anthropic;
