package dev.gearbox.providers.http;

import java.util.regex.Pattern;

/**
 * Makes upstream error text safe to show a client or log: the deployment's own key and anything
 * key-shaped ({@code sk-...}, {@code sk-ant-...}, {@code AIza...}, a {@code key=} query value) are masked, control characters
 * dropped, and the text bounded.
 */
public final class SecretRedactor {
    private static final Pattern KEY_LIKE =
            Pattern.compile("\\b(?:sk|pk|rk|key|gsk|xai)[-_][A-Za-z0-9_*.\\-]{4,}|\\bAIza[A-Za-z0-9_\\-]{20,}"
                    + "|\\bkey=[^&\\s]+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");
    private static final int MAX_CHARS = 1000;

    private SecretRedactor() {
    }

    /** {@code text} with {@code apiKey} (may be null) and key lookalikes masked; never null. */
    public static String redact(String text, String apiKey) {
        if (text == null) {
            return "";
        }
        String out = text;
        if (apiKey != null && !apiKey.isEmpty()) {
            out = out.replace(apiKey, "[redacted]");
        }
        out = CONTROL.matcher(KEY_LIKE.matcher(out).replaceAll("[redacted]")).replaceAll(" ");
        return out.length() > MAX_CHARS ? out.substring(0, MAX_CHARS) + "..." : out;
    }
}
