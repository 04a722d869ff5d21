package dev.gearbox.server.docker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Gearbox dashboard query refers to: the {@code gearbox_*} series it reads, and the labels
 * it uses on each, from selectors ({@code gearbox_x{class=~"$class"}}) and from aggregations over one
 * series ({@code sum by (class, tier) (increase(gearbox_x[5m]))}). A small reader for the shapes
 * the dashboard uses, not a PromQL parser.
 */
record PromQlReferences(Set<String> metrics, List<LabelUse> labelUses) {
    /** A label read from a series. */
    record LabelUse(String metric, String label) {
    }

    private static final Pattern METRIC = Pattern.compile("\\bgearbox_\\w+");
    private static final Pattern SELECTOR = Pattern.compile("\\b(gearbox_\\w+)\\{([^}]*)}");
    private static final Pattern MATCHER = Pattern.compile("(\\w+)\\s*(?:=~|!~|!=|=)");
    private static final Pattern AGGREGATION = Pattern.compile(
            "\\bby\\s*\\(([^)]*)\\)\\s*\\((?:\\s*\\w+\\s*\\()?\\s*(gearbox_\\w+)");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*(gearbox_\\w+)\\s*,\\s*(\\w+)\\s*\\)");

    static PromQlReferences of(String expr) {
        Set<String> metrics = new LinkedHashSet<>();
        Matcher metric = METRIC.matcher(expr);
        while (metric.find()) {
            metrics.add(metric.group());
        }
        List<LabelUse> uses = new ArrayList<>();
        Matcher selector = SELECTOR.matcher(expr);
        while (selector.find()) {
            Matcher matcher = MATCHER.matcher(selector.group(2));
            while (matcher.find()) {
                uses.add(new LabelUse(selector.group(1), matcher.group(1)));
            }
        }
        Matcher aggregation = AGGREGATION.matcher(expr);
        while (aggregation.find()) {
            for (String label : aggregation.group(1).split(",")) {
                if (!label.isBlank()) {
                    uses.add(new LabelUse(aggregation.group(2), label.strip()));
                }
            }
        }
        Matcher labelValues = LABEL_VALUES.matcher(expr);
        while (labelValues.find()) {
            uses.add(new LabelUse(labelValues.group(1), labelValues.group(2)));
        }
        return new PromQlReferences(Set.copyOf(metrics), List.copyOf(uses));
    }
}
