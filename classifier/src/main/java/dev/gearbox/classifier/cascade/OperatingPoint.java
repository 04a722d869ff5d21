package dev.gearbox.classifier.cascade;

/**
 * One point of the quality-versus-escalation curve: the share of rows sent to the strong model and
 * the mean quality that results (the strong score of those rows, the weak score of the rest).
 */
public record OperatingPoint(String setting, double escalationRate, double quality) {

    public static OperatingPoint of(String setting, boolean[] escalated, double[] weak, double[] strong) {
        if (escalated.length == 0 || weak.length != escalated.length || strong.length != escalated.length) {
            throw new IllegalArgumentException("need the same, non-zero number of decisions, weak and strong scores");
        }
        int up = 0;
        double quality = 0;
        for (int i = 0; i < escalated.length; i++) {
            if (escalated[i]) {
                up++;
                quality += strong[i];
            } else {
                quality += weak[i];
            }
        }
        return new OperatingPoint(setting, (double) up / escalated.length, quality / escalated.length);
    }
}
