package dev.gearbox.core.cost;

/** What one upstream attempt cost: its tokens and their price in USD (0 tokens for a failed call). */
public record AttemptCost(String deployment, long inputTokens, long outputTokens, double costUsd) {
}
