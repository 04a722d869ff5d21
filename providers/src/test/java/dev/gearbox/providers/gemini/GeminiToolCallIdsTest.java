package dev.gearbox.providers.gemini;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GeminiToolCallIdsTest {

    @Test
    void aThoughtSignatureRidesInTheIdAndComesBackOut() {
        String id = GeminiToolCallIds.id(3, "Abc+/_ts_x=");

        assertThat(id).isEqualTo("call_3_ts_Abc+/_ts_x=");
        assertThat(GeminiToolCallIds.thoughtSignature(id)).isEqualTo("Abc+/_ts_x=");
    }

    @Test
    void idsWithoutASignatureOrMadeElsewhereCarryNone() {
        assertThat(GeminiToolCallIds.id(0, null)).isEqualTo("call_0");
        assertThat(GeminiToolCallIds.thoughtSignature("call_0")).isNull();
        assertThat(GeminiToolCallIds.thoughtSignature("call_abc_ts_zzz")).isNull();
        assertThat(GeminiToolCallIds.thoughtSignature("toolu_01_ts_zzz")).isNull();
        assertThat(GeminiToolCallIds.thoughtSignature(null)).isNull();
    }
}
