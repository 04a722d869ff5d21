package dev.gearbox.providers.gemini;

/**
 * Gemini's function calls carry no id, so Gearbox makes them: {@code call_<n>}, n counting the calls
 * of one answer from 0. When Gemini attached a {@code thoughtSignature} (thinking models require it
 * back with the call on the next turn) it rides inside the id as {@code call_<n>_ts_<signature>},
 * the only field an OpenAI client is sure to echo unchanged.
 */
final class GeminiToolCallIds {
    private static final String PREFIX = "call_";
    private static final String SIGNATURE = "_ts_";

    private GeminiToolCallIds() {
    }

    static String id(int n, String thoughtSignature) {
        String id = PREFIX + n;
        return thoughtSignature == null || thoughtSignature.isEmpty() ? id : id + SIGNATURE + thoughtSignature;
    }

    /** The thought signature an id made by {@link #id} carries, or null (any other id carries none). */
    static String thoughtSignature(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return null;
        }
        int at = id.indexOf(SIGNATURE, PREFIX.length());
        if (at < 0) {
            return null;
        }
        for (int i = PREFIX.length(); i < at; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return null;
            }
        }
        String signature = id.substring(at + SIGNATURE.length());
        return signature.isEmpty() ? null : signature;
    }
}
