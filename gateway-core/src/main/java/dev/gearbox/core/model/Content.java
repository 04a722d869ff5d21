package dev.gearbox.core.model;

import java.util.List;

/** A message's content: a plain string, or a list of parts (multimodal). */
public sealed interface Content {

    /** All text in this content, parts joined by newlines; empty when there is none. */
    String text();

    record Text(String value) implements Content {
        @Override
        public String text() {
            return value == null ? "" : value;
        }
    }

    record Parts(List<ContentPart> parts) implements Content {
        public Parts {
            parts = List.copyOf(parts);
        }

        @Override
        public String text() {
            StringBuilder sb = new StringBuilder();
            for (ContentPart p : parts) {
                if (p instanceof ContentPart.Text t) {
                    if (sb.length() > 0) {
                        sb.append('\n');
                    }
                    sb.append(t.text());
                }
            }
            return sb.toString();
        }
    }

    static Content of(String text) {
        return new Text(text);
    }
}
