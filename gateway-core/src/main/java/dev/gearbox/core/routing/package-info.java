/**
 * Where a request goes: the configured deployments ({@link dev.gearbox.core.routing.DeploymentRegistry}),
 * the request's {@code model} resolved to a {@link dev.gearbox.core.routing.Target}, the tier for
 * {@code auto} ({@link dev.gearbox.core.routing.TierSelector}, the classifier's seam), which deployments
 * are cooling down after a 429 ({@link dev.gearbox.core.routing.DeploymentHealth}), and the ordered
 * candidates to try ({@link dev.gearbox.core.routing.AttemptPlanner}).
 */
package dev.gearbox.core.routing;
