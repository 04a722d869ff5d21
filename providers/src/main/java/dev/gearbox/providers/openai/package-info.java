/**
 * The OpenAI chat-completions wire format: {@link dev.gearbox.providers.openai.OpenAiCodec} reads and
 * writes requests, responses, stream chunks and error bodies for clients (the server) and for
 * OpenAI-compatible upstreams. Readers of client input raise OpenAI-worded invalid_request_errors
 * naming the field; readers of upstream input raise UPSTREAM_ERROR. Everything else is package-private.
 */
package dev.gearbox.providers.openai;
