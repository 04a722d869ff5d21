package dev.gearbox.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name closest to a misspelt one, for "did you mean" hints. */
final class KeySuggestions {
    private KeySuggestions() {
    }

    /**
     * The candidate nearest to {@code input} by edit distance, ignoring case, underscores and dashes
     * (so {@code baseUrl} finds {@code base_url}); empty when nothing is close enough to be a typo.
     */
    static Optional<String> closest(String input, Collection<String> candidates) {
        String wanted = normalize(input);
        int limit = Math.max(2, wanted.length() / 3);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(wanted, normalize(candidate));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
    }

    /** " (did you mean 'x'?)" or, when nothing is close, " (known: a, b, c)"; empty without candidates. */
    static String hint(String input, Collection<String> candidates) {
        if (candidates.isEmpty()) {
            return "";
        }
        return closest(input, candidates)
                .map(s -> " (did you mean '" + s + "'?)")
                .orElseGet(() -> " (known: " + String.join(", ", candidates) + ")");
    }

    private static String normalize(String s) {
        return s.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
