package dev.gearbox.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeploymentHealthTest {
    private final MutableClock clock = MutableClock.atEpoch();
    private final DeploymentHealth health = new DeploymentHealth(clock);

    @Test
    void aDeploymentIsInRotationUntilRateLimited() {
        assertThat(health.inRotation("a")).isTrue();
        assertThat(health.coolingUntil("a")).isEmpty();
    }

    @Test
    void retryAfterTakesTheDeploymentOutForExactlyThatLong() {
        health.rateLimited("a", Duration.ofSeconds(30));

        assertThat(health.inRotation("a")).isFalse();
        assertThat(health.coolingUntil("a")).contains(clock.instant().plusSeconds(30));
        assertThat(health.inRotation("b")).isTrue();
        clock.advance(Duration.ofMillis(29_999));
        assertThat(health.inRotation("a")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(health.inRotation("a")).isTrue();
        assertThat(health.snapshot()).isEmpty();
    }

    @Test
    void withoutRetryAfterTheDefaultCooldownApplies() {
        health.rateLimited("a", null);

        assertThat(health.coolingUntil("a")).contains(clock.instant().plus(DeploymentHealth.DEFAULT_COOLDOWN));
        clock.advance(DeploymentHealth.DEFAULT_COOLDOWN);
        assertThat(health.inRotation("a")).isTrue();
    }

    @Test
    void anAbsurdRetryAfterIsCapped() {
        health.rateLimited("a", Duration.ofDays(2));

        assertThat(health.coolingUntil("a")).contains(clock.instant().plus(DeploymentHealth.MAX_COOLDOWN));
    }

    @Test
    void aShorterHintDoesNotShortenACooldownInForce() {
        health.rateLimited("a", Duration.ofSeconds(60));
        health.rateLimited("a", Duration.ofSeconds(5));

        assertThat(health.coolingUntil("a")).contains(clock.instant().plusSeconds(60));
    }

    @Test
    void snapshotListsOnlyCoolingDeploymentsAndResetRestores() {
        health.rateLimited("b", Duration.ofSeconds(10));
        health.rateLimited("a", Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(3));

        assertThat(health.snapshot()).containsOnlyKeys("b");
        health.reset("b");
        assertThat(health.inRotation("b")).isTrue();
    }
}
