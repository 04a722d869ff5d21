package dev.gearbox.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.Headers;
import dev.gearbox.config.DeploymentConfig;
import dev.gearbox.config.ProviderKind;
import dev.gearbox.config.ServerConfig;
import dev.gearbox.config.Timeouts;
import dev.gearbox.server.GearboxApp;
import dev.gearbox.testfixtures.MockUpstreamServer;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What every end-to-end test needs: the official SDK pointed at a running app, and mock deployments. */
final class EndToEnd {
    /** The key the client sends; it must never reach an upstream. */
    static final String CLIENT_KEY = "sk-client-test";

    private EndToEnd() {
    }

    static OpenAIClient client(GearboxApp app) {
        return OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + app.port() + "/v1")
                .apiKey(CLIENT_KEY)
                .maxRetries(0)
                .timeout(Duration.ofSeconds(10))
                .build();
    }

    /** Loopback, a free port, a body limit of {@code maxBodyBytes}. */
    static ServerConfig server(int maxBodyBytes) {
        return new ServerConfig("127.0.0.1", 0, maxBodyBytes, Duration.ofSeconds(30), false);
    }

    /** A deployment on the mock whose behaviour is {@code mockModel}; its key is {@code sk-<name>}. */
    static DeploymentConfig mock(MockUpstreamServer upstream, String name, String mockModel) {
        return mock(upstream, name, mockModel, null);
    }

    static DeploymentConfig mock(MockUpstreamServer upstream, String name, String mockModel, Timeouts timeouts) {
        return new DeploymentConfig(name, ProviderKind.OPENAI, upstream.baseUrl(), keyOf(name), mockModel, null,
                timeouts, null, null);
    }

    static String keyOf(String deployment) {
        return "sk-" + deployment;
    }

    static String header(Headers headers, String name) {
        List<String> values = headers.values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** What {@code call} throws, asserting that it throws a {@code type} at all. */
    static <T extends Throwable> T thrown(Class<T> type, ThrowingCallable call) {
        T thrown = catchThrowableOfType(type, call);
        assertThat(thrown).as("expected a " + type.getSimpleName()).isNotNull();
        return thrown;
    }

    /** Polls {@code condition} every 5 ms until it holds or {@code limit} passes; returns whether it held. */
    static boolean eventually(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }
}
