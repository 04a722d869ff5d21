package dev.gearbox.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonVerdictTest {

    @Test
    void readsTheObjectInsideProseAndCodeFences() {
        assertThat(JsonVerdict.in("Sure! ```json\n{\"tier\": \"fast\", \"confidence\": 0.9}\n``` Hope that helps."))
                .hasValueSatisfying(node -> {
                    assertThat(node.path("tier").asText()).isEqualTo("fast");
                    assertThat(node.path("confidence").asDouble()).isEqualTo(0.9);
                });
    }

    @Test
    void somethingThatIsNotOneObjectIsEmpty() {
        assertThat(JsonVerdict.in(null)).isEmpty();
        assertThat(JsonVerdict.in("no json here")).isEmpty();
        assertThat(JsonVerdict.in("} backwards {")).isEmpty();
        assertThat(JsonVerdict.in("{\"tier\": ")).isEmpty();
        assertThat(JsonVerdict.in("{not json}")).isEmpty();
    }
}
