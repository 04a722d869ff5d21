package dev.gearbox.core.cascade;

import dev.gearbox.config.Tier;
import dev.gearbox.core.metrics.GatewayMetrics;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches how often cascades escalate from each start tier, in consecutive windows of
 * {@code window} cascaded requests. A window whose escalation share is above {@code alertShare}
 * means the start tier is too weak for the traffic (every request pays for two tiers): it is
 * counted ({@code gearbox.cascade.weak_start}) and logged once, as one WARN line with numbers only.
 * Windows count requests, not time, so a quiet gateway never warns on a handful of requests.
 */
public final class EscalationRateMonitor {
    public static final int DEFAULT_WINDOW = 100;
    public static final double DEFAULT_ALERT_SHARE = 0.6;
    private static final Logger LOG = LoggerFactory.getLogger(EscalationRateMonitor.class);

    private final int window;
    private final double alertShare;
    private final GatewayMetrics metrics;
    private final Map<Tier, int[]> counts = new EnumMap<>(Tier.class);

    public EscalationRateMonitor(int window, double alertShare, GatewayMetrics metrics) {
        if (window < 1 || !(alertShare > 0 && alertShare < 1)) {
            throw new IllegalArgumentException("window must be positive and the alert share in (0, 1)");
        }
        this.window = window;
        this.alertShare = alertShare;
        this.metrics = metrics;
    }

    /** Records one cascaded request; returns true when it closed a window that was over the alert share. */
    public boolean record(Tier start, boolean escalated) {
        int seen;
        int escalations;
        synchronized (counts) {
            int[] c = counts.computeIfAbsent(start, t -> new int[2]);
            c[0]++;
            c[1] += escalated ? 1 : 0;
            if (c[0] < window) {
                return false;
            }
            seen = c[0];
            escalations = c[1];
            c[0] = 0;
            c[1] = 0;
        }
        double share = (double) escalations / seen;
        if (share <= alertShare) {
            return false;
        }
        metrics.weakStartWindow(start);
        LOG.warn("cascade start tier {} looks too weak: {} of the last {} cascaded requests escalated ({} > {});"
                        + " consider a stronger start_tier or start_tier: router",
                start.wire(), escalations, seen, String.format(Locale.ROOT, "%.0f%%", share * 100),
                String.format(Locale.ROOT, "%.0f%%", alertShare * 100));
        return true;
    }
}
