package dev.gearbox.classifier.data;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One unlabeled prompt of the traffic mix, with its arena-hard category. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PromptRow(String id, String source, String category, List<RoutingRow.RowMessage> messages) {

    public PromptRow {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }

    /** The first user message's text, empty when there is none. */
    public String firstUserText() {
        return messages.stream().filter(m -> "user".equals(m.role())).map(RoutingRow.RowMessage::content)
                .findFirst().orElse("");
    }
}
