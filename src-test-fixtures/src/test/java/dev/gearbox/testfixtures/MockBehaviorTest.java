package dev.gearbox.testfixtures;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MockBehaviorTest {
    @Test
    void modelNamesSelectBehaviours() {
        assertThat(MockBehavior.forModel("ok")).isEqualTo(new MockBehavior.Ok());
        assertThat(MockBehavior.forModel("whatever")).isEqualTo(new MockBehavior.Ok());
        assertThat(MockBehavior.forModel(null)).isEqualTo(new MockBehavior.Ok());
        assertThat(MockBehavior.forModel("error-503")).isEqualTo(new MockBehavior.Error(503, null));
        assertThat(MockBehavior.forModel("error-429-retry-3")).isEqualTo(new MockBehavior.Error(429, 3));
        assertThat(MockBehavior.forModel("slow-2000")).isEqualTo(new MockBehavior.Slow(2000));
        assertThat(MockBehavior.forModel("stream-slow-5")).isEqualTo(new MockBehavior.StreamSlow(5));
        assertThat(MockBehavior.forModel("stream-cut-after-3")).isEqualTo(new MockBehavior.StreamCut(3));
        assertThat(MockBehavior.forModel("big-100")).isEqualTo(new MockBehavior.Big(100));
        assertThat(MockBehavior.forModel("garbage")).isEqualTo(new MockBehavior.Garbage());
        assertThat(MockBehavior.forModel("json")).isEqualTo(new MockBehavior.Json());
        assertThat(MockBehavior.forModel("almost-json")).isEqualTo(new MockBehavior.AlmostJson());
        assertThat(MockBehavior.forModel("empty")).isEqualTo(new MockBehavior.Empty());
        assertThat(MockBehavior.forModel("hang")).isEqualTo(new MockBehavior.Hang());
        assertThat(MockBehavior.forModel("tool-call")).isEqualTo(new MockBehavior.ToolCall());
        assertThat(MockBehavior.forModel("echo")).isEqualTo(new MockBehavior.Echo());
        assertThat(MockBehavior.forModel("slow-")).isEqualTo(new MockBehavior.Ok());
    }
}
