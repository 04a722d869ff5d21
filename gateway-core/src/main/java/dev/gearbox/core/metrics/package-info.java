/** The gateway's meters, documented in {@link dev.gearbox.core.metrics.GatewayMeters} and recorded by {@link dev.gearbox.core.metrics.GatewayMetrics}. */
package dev.gearbox.core.metrics;
