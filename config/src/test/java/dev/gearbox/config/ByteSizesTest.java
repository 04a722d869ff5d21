package dev.gearbox.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {
    @Test
    void parsesBinaryAndDecimalUnitsCaseInsensitively() {
        assertThat(ByteSizes.parse("4MiB")).isEqualTo(4_194_304L);
        assertThat(ByteSizes.parse("512KiB")).isEqualTo(524_288L);
        assertThat(ByteSizes.parse("1MB")).isEqualTo(1_000_000L);
        assertThat(ByteSizes.parse("2kb")).isEqualTo(2_000L);
        assertThat(ByteSizes.parse("1GiB")).isEqualTo(1L << 30);
        assertThat(ByteSizes.parse("3GB")).isEqualTo(3_000_000_000L);
        assertThat(ByteSizes.parse("100B")).isEqualTo(100L);
        assertThat(ByteSizes.parse("4096")).isEqualTo(4096L);
        assertThat(ByteSizes.parse("8 MiB")).isEqualTo(8L << 20);
    }

    @Test
    void rejectsUnknownUnitsFractionsAndOverflow() {
        assertThatThrownBy(() -> ByteSizes.parse("4XB"))
                .hasMessage("must be a size like 4MiB, 512KiB, 1MB or a whole number of bytes, got \"4XB\"");
        assertThatThrownBy(() -> ByteSizes.parse("1.5MiB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSizes.parse("MiB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ByteSizes.parse("9999999999999GiB")).hasMessageContaining("too large");
    }
}
