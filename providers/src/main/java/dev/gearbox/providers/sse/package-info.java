/**
 * Server-sent events: an incremental parser for upstream streams and the framing the server writes.
 */
package dev.gearbox.providers.sse;
