package dev.gearbox.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretRedactorTest {

    @Test
    void masksTheDeploymentKeyAndKeyLookalikes() {
        assertThat(SecretRedactor.redact("bad key my-own-secret", "my-own-secret")).isEqualTo("bad key [redacted]");
        assertThat(SecretRedactor.redact("got sk-ant-api03-abcdef and AIzaSyA1234567890abcdefghij", null))
                .isEqualTo("got [redacted] and [redacted]");
    }

    @Test
    void dropsControlCharactersAndBoundsTheText() {
        assertThat(SecretRedactor.redact("line\nbreak\u0007", null)).isEqualTo("line break ");
        assertThat(SecretRedactor.redact("x".repeat(5000), null)).hasSize(1003).endsWith("...");
        assertThat(SecretRedactor.redact(null, "k")).isEmpty();
    }
}
