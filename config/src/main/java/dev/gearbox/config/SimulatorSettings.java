package dev.gearbox.config;

import java.time.Duration;

/**
 * How a simulator deployment behaves: time to first token, generation speed, answer length in
 * tokens, the share of calls that fail with a 503, and the seed for its randomness.
 */
public record SimulatorSettings(Duration timeToFirstToken, double tokensPerSecond, int answerTokens,
                                double failureRate, long seed) {
    public static final SimulatorSettings DEFAULT =
            new SimulatorSettings(Duration.ofMillis(200), 80, 120, 0.0, 42L);
}
