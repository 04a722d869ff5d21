package dev.gearbox.providers.contract;

/**
 * What every provider's recorded fixtures say, in canonical terms. A fixture for a new provider
 * is written so that its wire answer translates to exactly these values.
 */
final class Recorded {
    static final String HELLO = "Hello! How can I help you today?";
    static final int HELLO_PROMPT_TOKENS = 12;
    static final int HELLO_COMPLETION_TOKENS = 9;
    static final String MULTI_TURN = "Your name is Ada.";
    static final String PIRATE = "Ahoy, matey!";
    static final String WEATHER_ANSWER = "It is 18 degrees and sunny in Paris.";
    static final String PARIS = "{\"city\":\"Paris\"}";
    static final String LONDON = "{\"city\":\"London\"}";
    static final String HI = "Hi there!";
    /** The text a streamed answer says before its two tool calls. */
    static final String TOOL_PREAMBLE = "Let me check both cities.";
    static final String GREETING_JSON = "{\"greeting\":\"hello\"}";
    /** The streamed answer cut after its first two pieces: "Hello!" and " How can I". */
    static final String CUT_PREFIX = "Hello! How can I";
    /** The Retry-After (seconds) every rate-limit fixture carries. */
    static final long RETRY_AFTER_SECONDS = 7;

    private Recorded() {
    }
}
