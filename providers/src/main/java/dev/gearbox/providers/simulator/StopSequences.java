package dev.gearbox.providers.simulator;

import java.util.ArrayList;
import java.util.List;

/** Ends generated text before the first of the request's {@code stop} strings, as a model does. */
final class StopSequences {
    private StopSequences() {
    }

    /** The pieces up to (not including) the earliest stop string; the pieces unchanged when none occurs. */
    static List<String> cut(List<String> pieces, List<String> stops) {
        if (stops == null || stops.isEmpty()) {
            return pieces;
        }
        String text = String.join("", pieces);
        int at = -1;
        for (String stop : stops) {
            int i = stop == null || stop.isEmpty() ? -1 : text.indexOf(stop);
            if (i >= 0 && (at < 0 || i < at)) {
                at = i;
            }
        }
        if (at < 0) {
            return pieces;
        }
        List<String> kept = new ArrayList<>();
        int offset = 0;
        for (String piece : pieces) {
            if (offset + piece.length() <= at) {
                kept.add(piece);
            } else {
                if (at > offset) {
                    kept.add(piece.substring(0, at - offset));
                }
                break;
            }
            offset += piece.length();
        }
        return kept;
    }
}
