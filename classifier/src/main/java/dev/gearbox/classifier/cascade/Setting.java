package dev.gearbox.classifier.cascade;

/**
 * One setting of a gate in a sweep: a row escalates when its escalation score is at or above
 * {@code cut}. {@code label} says it in the gate's own terms (e.g. {@code p<0.40}, {@code on}).
 */
public record Setting(String label, double cut) {

    /** The setting of an on/off gate whose escalation scores are 0 or 1. */
    public static final Setting ON = new Setting("on", 0.5);

    public boolean escalates(double escalationScore) {
        return escalationScore >= cut;
    }
}
