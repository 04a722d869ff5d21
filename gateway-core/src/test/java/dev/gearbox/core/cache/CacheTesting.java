package dev.gearbox.core.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import dev.gearbox.config.Tier;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import dev.gearbox.core.model.Usage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** Requests, answers, vectors and a settable ticker for the cache tests. */
final class CacheTesting {
    private CacheTesting() {
    }

    static ChatRequest ask(String text) {
        return ChatRequest.of("auto", List.of(Message.of(Role.USER, text)));
    }

    static ChatRequest askCold(String text) {
        return withTemperature(ask(text), 0.0);
    }

    static ChatRequest withTemperature(ChatRequest r, Double temperature) {
        return new ChatRequest(r.model(), r.messages(), r.stream(), r.includeUsage(), r.tools(), r.toolChoice(),
                r.responseFormat(), temperature, r.topP(), r.maxTokens(), r.maxCompletionTokens(), r.n(), r.stop(),
                r.seed(), r.logprobs(), r.topLogprobs(), r.extra());
    }

    static ChatResponse answer(String text) {
        return answer(text, "stop");
    }

    static ChatResponse answer(String text, String finish) {
        return new ChatResponse("chatcmpl-up", 1_700_000_000L, "up-model",
                List.of(new Choice(0, Message.of(Role.ASSISTANT, text), finish, null)), Usage.of(12, 7), null, Map.of());
    }

    static CachedAnswer cached(String text) {
        return CachedAnswer.of(answer(text), Tier.FAST, "dep-a");
    }

    /** A random unit vector. */
    static float[] unit(Random random, int dimension) {
        float[] v = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < dimension; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** {@code base} moved towards a random direction so that its cosine to {@code base} is about {@code cosine}. */
    static float[] near(float[] base, double cosine, Random random) {
        float[] noise = unit(random, base.length);
        double sin = Math.sqrt(1 - cosine * cosine);
        float[] v = new float[base.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (cosine * base[i] + sin * noise[i]);
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }

    /** A ticker that moves only when told to. */
    static final class SettableTicker implements Ticker {
        private final AtomicLong nanos = new AtomicLong();

        @Override
        public long read() {
            return nanos.get();
        }

        void advance(Duration d) {
            nanos.addAndGet(d.toNanos());
        }
    }
}
