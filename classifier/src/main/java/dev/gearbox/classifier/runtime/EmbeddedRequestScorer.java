package dev.gearbox.classifier.runtime;

import dev.gearbox.classifier.RoutingClassifier;
import dev.gearbox.classifier.embed.ConversationText;
import dev.gearbox.classifier.requestclass.RequestClassifier;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.routing.policy.RequestScorer;

/**
 * The gateway's embedded scorer: the router model's P(strong model needed) and the request class,
 * from one embedding of the conversation (computed once, cached by content hash). Blocking: the
 * gateway runs it on the classifier executor. Thread-safe.
 */
public final class EmbeddedRequestScorer implements RequestScorer {
    private final RoutingClassifier router;
    private final RequestClassifier classes;

    public EmbeddedRequestScorer(RoutingClassifier router, RequestClassifier classes) {
        this.router = router;
        this.classes = classes;
    }

    /** The request's embedding as the router computes and caches it: other embedded models reuse it. */
    public float[] embedding(ChatRequest request) {
        return router.embedding(request);
    }

    @Override
    public Score score(ChatRequest request) {
        float[] embedding = router.embedding(request);
        double p = router.strongProbability(request, embedding);
        String text = ConversationText.of(request);
        return new Score(Math.min(1, Math.max(0, p)), classes.classify(text, embedding).tag());
    }
}
