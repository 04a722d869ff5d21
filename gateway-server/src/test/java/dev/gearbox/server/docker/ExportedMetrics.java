package dev.gearbox.server.docker;

import dev.gearbox.core.metrics.GatewayMeters;
import dev.gearbox.server.metrics.ServerMeters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus series names Gearbox exports, each with its label keys, derived from the meter
 * enums ({@link GatewayMeters}, {@link ServerMeters}) by registering every meter in a Prometheus
 * registry and reading the scrape: so the names are exactly what Micrometer renders (suffixes
 * {@code _total}, {@code _seconds}, {@code _bucket} and the base unit included), and a renamed
 * meter changes them. Timers and distributions are registered with a percentile histogram, as
 * the latency panels' {@code histogram_quantile} needs.
 */
final class ExportedMetrics {
    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(?:\\{([^}]*)})? ");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"");

    private final Map<String, Set<String>> labelsByName;

    private ExportedMetrics(Map<String, Set<String>> labelsByName) {
        this.labelsByName = labelsByName;
    }

    static ExportedMetrics fromMeterEnums() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        for (GatewayMeters meter : GatewayMeters.values()) {
            register(registry, meter.meterName(), meter.type().name(), meter.baseUnit(), meter.tagKeys());
        }
        List<String> serverTags = List.of(ServerMeters.TAG_ROUTE, ServerMeters.TAG_STATUS, ServerMeters.TAG_TIER,
                ServerMeters.TAG_DEPLOYMENT, ServerMeters.TAG_OUTCOME);
        register(registry, ServerMeters.REQUESTS.meterName(), "COUNTER", null, serverTags);
        register(registry, ServerMeters.REQUEST_DURATION.meterName(), "TIMER", null, serverTags);
        Map<String, Set<String>> labels = new HashMap<>();
        for (String line : registry.scrape().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) {
                continue;
            }
            Set<String> keys = labels.computeIfAbsent(sample.group(1), name -> new HashSet<>());
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    keys.add(label.group(1));
                }
            }
        }
        return new ExportedMetrics(labels);
    }

    private static void register(PrometheusMeterRegistry registry, String name, String type, String baseUnit,
                                 List<String> tagKeys) {
        Tags tags = Tags.empty();
        for (String key : tagKeys) {
            tags = tags.and(key, "x");
        }
        switch (type) {
            case "COUNTER" -> Counter.builder(name).baseUnit(baseUnit).tags(tags).register(registry).increment();
            case "TIMER" -> Timer.builder(name).tags(tags).publishPercentileHistogram().register(registry);
            case "DISTRIBUTION", "DISTRIBUTION_SUMMARY" -> DistributionSummary.builder(name).baseUnit(baseUnit).tags(tags)
                    .publishPercentileHistogram().register(registry);
            case "GAUGE" -> Gauge.builder(name, () -> 1.0).baseUnit(baseUnit).tags(tags).register(registry);
            default -> throw new IllegalStateException("meter " + name + " has type " + type
                    + ", which ExportedMetrics does not know how Prometheus renders: teach it");
        }
    }

    Set<String> names() {
        return labelsByName.keySet();
    }

    boolean exports(String name) {
        return labelsByName.containsKey(name);
    }

    /** The label keys of that series (empty for an unknown name). */
    Set<String> labels(String name) {
        return labelsByName.getOrDefault(name, Set.of());
    }
}
