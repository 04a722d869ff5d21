/**
 * Server-sent events: an incremental parser for upstream streams, the relay lifecycle every
 * provider's stream shares ({@link dev.gearbox.providers.sse.SseStreamRelay}), and the framing the
 * server writes.
 */
package dev.gearbox.providers.sse;
