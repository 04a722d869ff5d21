package dev.gearbox.classifier.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A gate's escalation score on every evaluated row (higher means "escalate"; 0/1 for on/off gates),
 * the settings to sweep and the default one. Used as a router score, the escalation score gives the
 * gate's APGR; cut at a setting, it gives one point of the quality-versus-escalation curve.
 */
public record GateScores(String gate, double[] escalation, List<Setting> settings, Setting defaultSetting) {

    public GateScores {
        escalation = escalation.clone();
        settings = List.copyOf(settings);
        if (!settings.contains(defaultSetting)) {
            throw new IllegalArgumentException("the default setting " + defaultSetting.label() + " of gate " + gate
                    + " is not among its settings");
        }
    }

    /** An on/off gate: one setting, escalate when it said so. */
    public static GateScores onOff(String gate, boolean[] escalated) {
        double[] scores = new double[escalated.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = escalated[i] ? 1 : 0;
        }
        return new GateScores(gate, scores, List.of(Setting.ON), Setting.ON);
    }

    /** The P(good enough) thresholds swept for a probability gate such as {@code answer_model}. */
    public static final List<Double> PROBABILITY_THRESHOLDS = List.of(0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8);

    /**
     * A gate that escalates when P(good enough) is below a threshold: the escalation score is
     * 1 - P, and the setting {@code p<t} escalates exactly the rows with P below t.
     */
    public static GateScores probabilityGood(String gate, double[] probabilityGood, List<Double> thresholds,
                                             double defaultThreshold) {
        double[] scores = new double[probabilityGood.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = 1 - probabilityGood[i];
        }
        List<Double> all = new ArrayList<>(thresholds);
        if (!all.contains(defaultThreshold)) {
            all.add(defaultThreshold);
            all.sort(null);
        }
        List<Setting> settings = all.stream().map(GateScores::below).toList();
        return new GateScores(gate, scores, settings, below(defaultThreshold));
    }

    private static Setting below(double threshold) {
        return new Setting(String.format(Locale.ROOT, "p<%.2f", threshold), Math.nextUp(1 - threshold));
    }

    /** Several gates run in a chain: a row escalates when any of them does, so the chain's score is the highest. */
    public static GateScores chain(String name, List<GateScores> gates, Setting defaultSetting, List<Setting> settings) {
        int n = gates.get(0).escalation.length;
        double[] max = new double[n];
        for (GateScores g : gates) {
            if (g.escalation.length != n) {
                throw new IllegalArgumentException("gate " + g.gate + " scored " + g.escalation.length + " rows, not " + n);
            }
            for (int i = 0; i < n; i++) {
                max[i] = Math.max(max[i], g.escalation[i]);
            }
        }
        return new GateScores(name, max, settings, defaultSetting);
    }

    public boolean[] escalates(Setting setting) {
        boolean[] out = new boolean[escalation.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = setting.escalates(escalation[i]);
        }
        return out;
    }
}
