package dev.gearbox.classifier.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DomainTest {

    @Test
    void countsWholeWordKeywordsCaseInsensitively() {
        assertThat(Domain.CODE.hits("Write a Python function that parses JSON")).isEqualTo(2);
        assertThat(Domain.LAW.hits("The plaintiff sued the defendant in court.")).isEqualTo(3);
        assertThat(Domain.MATH.hits("How many apples are left in total?")).isEqualTo(2);
        assertThat(Domain.CODE.hits("A classic story")).isZero();
    }
}
