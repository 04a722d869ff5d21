package dev.gearbox.core.cache;

import static dev.gearbox.core.cache.CacheTesting.answer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.core.model.ChatResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StorePolicyTest {

    @Test
    void onlyStopIsStoredByDefault() {
        StorePolicy policy = new StorePolicy(false);

        assertThat(policy.storable(answer("x", "stop"))).isTrue();
        assertThat(policy.storable(answer("x", "length"))).isFalse();
        assertThat(policy.storable(answer("x", "tool_calls"))).isFalse();
    }

    @Test
    void storeNonStopTakesAnyFinishedAnswerButNeverAnUnfinishedOrEmptyOne() {
        StorePolicy policy = new StorePolicy(true);

        assertThat(policy.storable(answer("x", "length"))).isTrue();
        assertThat(policy.storable(answer("x", null))).isFalse();
        assertThat(policy.storable(new ChatResponse("id", 0, "m", List.of(), null, null, Map.of()))).isFalse();
    }
}
