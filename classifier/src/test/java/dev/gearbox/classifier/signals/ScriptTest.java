package dev.gearbox.classifier.signals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScriptTest {

    @Test
    void guessesTheMajorityScript() {
        assertThat(Script.of("Hello there, how are you?")).isEqualTo(Script.LATIN);
        assertThat(Script.of("Привет, как дела?")).isEqualTo(Script.CYRILLIC);
        assertThat(Script.of("你好，今天天气怎么样？ ok")).isEqualTo(Script.CJK);
        assertThat(Script.of("مرحبا كيف حالك")).isEqualTo(Script.ARABIC);
        assertThat(Script.of("1 + 2 = 3")).isEqualTo(Script.NONE);
    }
}
