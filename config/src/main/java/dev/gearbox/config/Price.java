package dev.gearbox.config;

/** A deployment's list price in USD per million tokens. */
public record Price(double inputPerMtok, double outputPerMtok) {
    public static final Price FREE = new Price(0, 0);

    /** The cost in USD of a call with these token counts. */
    public double cost(long inputTokens, long outputTokens) {
        return (inputTokens * inputPerMtok + outputTokens * outputPerMtok) / 1_000_000.0;
    }
}
