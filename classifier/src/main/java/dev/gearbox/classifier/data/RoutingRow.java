package dev.gearbox.classifier.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.Message;
import dev.gearbox.core.model.Role;
import java.util.List;

/**
 * One labeled prompt of the shared routing data: the prompt and the measured quality of the weak
 * and the strong model on it (0/1 for binary sources, a 1-10 judge score for arena rows).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoutingRow(
        String id,
        String source,
        String domain,
        String scale,
        List<RowMessage> messages,
        @JsonProperty("weak_score") double weakScore,
        @JsonProperty("strong_score") double strongScore,
        @JsonProperty("weak_answer") String weakAnswer,
        @JsonProperty("strong_answer") String strongAnswer) {

    /** A message as the data files store it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RowMessage(String role, String content) {
    }

    public RoutingRow {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** The group used for cross-validation: rows of one source and domain stay in one fold. */
    public String group() {
        return source + "/" + domain;
    }

    /** True when the strong model did better than the weak one: the hard routing label. */
    public boolean strongNeeded() {
        return strongScore > weakScore;
    }

    /** The whole conversation of the row as a request, every message with its role: what a cascade's gates see. */
    public ChatRequest request() {
        return ChatRequest.of("auto", messages.stream().map(this::message).toList());
    }

    private Message message(RowMessage m) {
        Role role = Role.fromWire(m.role());
        if (role == null) {
            throw new IllegalArgumentException("row " + id + " has a message with unknown role '" + m.role() + "'");
        }
        return Message.of(role, m.content());
    }

    /**
     * The row as the gateway would see it. Multi-turn rows are routed on their first user turn,
     * as the README prescribes for MT-Bench-style data.
     */
    public ChatRequest firstTurnRequest() {
        for (RowMessage m : messages) {
            if ("user".equals(m.role())) {
                return ChatRequest.of("auto", List.of(Message.of(Role.USER, m.content())));
            }
        }
        throw new IllegalStateException("row " + id + " has no user message");
    }
}
