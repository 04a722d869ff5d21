/**
 * Trying the planned candidates in order: a {@link dev.gearbox.core.fallback.FallbackRule} decides
 * which failures move on; every failure is collected so that, when all fail, the client gets one
 * 502/503/504 listing each attempt. Streams fall back only before their first chunk.
 */
package dev.gearbox.core.fallback;
