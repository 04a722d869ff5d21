package dev.gearbox.classifier.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gearbox.classifier.ConversationEmbeddings;
import dev.gearbox.classifier.embed.Embedder;
import dev.gearbox.config.RouterConfig;
import dev.gearbox.core.cache.PromptEmbedding;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The semantic cache and the router share one embedding per request: the model runs once. */
class SharedEmbeddingTest {

    @Test
    void theCacheEmbedsAndTheRouterReusesTheVector() throws Exception {
        AtomicInteger modelRuns = new AtomicInteger();
        ConversationEmbeddings embeddings = new ConversationEmbeddings(
                new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run), ConversationEmbeddings.DEFAULT_CAPACITY,
                modelRuns::incrementAndGet);
        EmbeddedRouter router = EmbeddedRouter.load(RouterConfig.BUILTIN, embeddings);
        ClassifierConversationEmbedder cache = new ClassifierConversationEmbedder(embeddings, Runnable::run);
        ChatRequest request = ChatRequest.of("auto", List.of(Message.of(Role.SYSTEM, "Be brief."),
                Message.of(Role.USER, "How do I merge two sorted lists in Python?")));

        float[] vector = cache.embed(request, PromptEmbedding::vector).get();
        router.scorer().score(request);
        router.scorer().score(request);

        assertThat(modelRuns).hasValue(1);
        assertThat(vector).hasSize(Embedder.DIMENSION);
        assertThat(embeddings.of(request)).isSameAs(vector);
    }

    @Test
    void theCacheLearnsWhetherThePromptWasReadWhole() throws Exception {
        ConversationEmbeddings embeddings = new ConversationEmbeddings(
                new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run));
        ClassifierConversationEmbedder cache = new ClassifierConversationEmbedder(embeddings, Runnable::run);
        ChatRequest shortOne = ChatRequest.of("auto", List.of(Message.of(Role.USER, "What is the capital of France?")));
        ChatRequest longOne = ChatRequest.of("auto", List.of(Message.of(Role.USER,
                "Review this module and list its bugs: " + "def f(x): return x * 2 ".repeat(40))));

        assertThat(cache.embed(shortOne, PromptEmbedding::whole).get()).isTrue();
        assertThat(cache.embed(longOne, PromptEmbedding::whole).get()).isFalse();
    }

    @Test
    void theSearchRunsOnTheEmbeddersExecutorEvenWhenTheVectorIsCached() throws Exception {
        ConversationEmbeddings embeddings = new ConversationEmbeddings(
                new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run));
        java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newSingleThreadExecutor(
                r -> new Thread(r, "embedder-test"));
        try {
            ClassifierConversationEmbedder cache = new ClassifierConversationEmbedder(embeddings, executor);
            ChatRequest request = ChatRequest.of("auto", List.of(Message.of(Role.USER, "hello")));
            cache.embed(request, v -> v).get();

            assertThat(cache.embed(request, v -> Thread.currentThread().getName()).get()).isEqualTo("embedder-test");
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aFullExecutorRejectsAtOnceInsteadOfBlocking() {
        ConversationEmbeddings embeddings = new ConversationEmbeddings(
                new Embedder(Embedder.DEFAULT_MAX_TOKENS, Runnable::run));
        ClassifierConversationEmbedder cache = new ClassifierConversationEmbedder(embeddings, task -> {
            throw new java.util.concurrent.RejectedExecutionException("full");
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> cache.embed(ChatRequest.of("auto",
                List.of(Message.of(Role.USER, "hi"))), v -> v)).isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
    }
}
