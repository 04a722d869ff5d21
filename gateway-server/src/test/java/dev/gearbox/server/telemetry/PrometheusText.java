package dev.gearbox.server.telemetry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small reader of the Prometheus text exposition format (0.0.4), strict enough to catch what a
 * scraper would reject: every sample belongs to a family with a {@code # HELP} and {@code # TYPE}
 * declared once, names and label names are valid, values parse, counters end in {@code _total},
 * and Gearbox's timers are in seconds.
 */
record PrometheusText(Map<String, String> types, Map<String, String> helps, List<Sample> samples,
                      List<String> problems) {
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)(\\s+\\d+)?");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");
    private static final List<String> SUFFIXES = List.of("_total", "_bucket", "_sum", "_count", "_created");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static PrometheusText parse(String text) {
        Map<String, String> types = new HashMap<>();
        Map<String, String> helps = new HashMap<>();
        List<Sample> samples = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("# HELP ") || line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ", 2);
                Map<String, String> target = line.startsWith("# HELP ") ? helps : types;
                if (!NAME.matcher(parts[0]).matches()) {
                    problems.add("bad metric name: " + line);
                }
                if (target.put(parts[0], parts.length > 1 ? parts[1] : "") != null) {
                    problems.add("declared twice: " + line);
                }
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (!m.matches()) {
                problems.add("not a sample: " + line);
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                int end = 0;
                while (l.find() && l.start() == end) {
                    labels.put(l.group(1), l.group(2));
                    end = l.end();
                }
                if (end != m.group(3).length()) {
                    problems.add("bad labels: " + line);
                }
            }
            try {
                samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4).replace("+Inf", "Infinity"))));
            } catch (NumberFormatException e) {
                problems.add("bad value: " + line);
            }
        }
        PrometheusText parsed = new PrometheusText(types, helps, samples, problems);
        parsed.checkFamilies();
        return parsed;
    }

    private void checkFamilies() {
        for (Sample s : samples) {
            String family = family(s.name());
            if (family == null) {
                problems.add("sample without # TYPE: " + s.name());
            } else if (!helps.containsKey(family)) {
                problems.add("family without # HELP: " + family);
            }
        }
        types.forEach((name, type) -> {
            if (type.equals("counter") && !name.endsWith("_total") && samples.stream().noneMatch(
                    s -> s.name().equals(name + "_total"))) {
                problems.add("counter without _total samples: " + name);
            }
            if (name.startsWith("gearbox_") && type.equals("histogram") && !name.endsWith("_seconds")
                    && !name.startsWith("gearbox_classifier_")) {
                problems.add("a Gearbox latency histogram not in seconds: " + name);
            }
        });
    }

    /** The declared family a sample name belongs to, or null. */
    String family(String sampleName) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : SUFFIXES) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                if (types.containsKey(base)) {
                    return base;
                }
            }
        }
        return null;
    }

    String type(String family) {
        String type = types.get(family);
        if (type == null && family.endsWith("_total")) {
            type = types.get(family.substring(0, family.length() - "_total".length()));
        }
        return type;
    }

    String help(String family) {
        String help = helps.get(family);
        if (help == null && family.endsWith("_total")) {
            help = helps.get(family.substring(0, family.length() - "_total".length()));
        }
        return help;
    }

    /** The sum of the samples named {@code name} whose labels include every given pair. */
    double value(String name, String... labelPairs) {
        double sum = 0;
        for (Sample s : samples) {
            if (!s.name().equals(name)) {
                continue;
            }
            boolean matches = true;
            for (int i = 0; i < labelPairs.length; i += 2) {
                matches &= labelPairs[i + 1].equals(s.labels().get(labelPairs[i]));
            }
            if (matches) {
                sum += s.value();
            }
        }
        return sum;
    }
}
