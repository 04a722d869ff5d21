package dev.gearbox.providers.contract;

/**
 * What a provider may lack. A subclass of {@link ProviderContractTest} declares its gaps in
 * {@code unsupported()}; the suite then checks the gap instead of the feature, so nothing is
 * skipped silently.
 *
 * <p>A request feature ({@link #rejectedParam()} non-null) declared unsupported must be refused
 * up front with an {@code INVALID_REQUEST} naming that parameter, before anything goes upstream.
 * A behaviour ({@link #rejectedParam()} null) cannot be refused by looking at a request; declaring
 * it unsupported reports the scenario as aborted with the declaration as the reason.
 */
public enum Capability {
    /** Function tools with {@code tool_choice}: a tool call, and tool results sent back. */
    TOOLS("tools"),
    /** More than one tool call in one answer (and streamed with distinct {@code index} values). */
    PARALLEL_TOOL_CALLS(null),
    /** {@code response_format: {"type":"json_object"}}. */
    JSON_MODE("response_format"),
    /** {@code n > 1}: several choices in one answer. */
    MULTIPLE_CHOICES("n"),
    /** {@code logprobs: true}: token log probabilities on each choice. */
    LOGPROBS("logprobs"),
    /**
     * The answer travels over HTTP from an upstream, so recorded wire fixtures pin its exact
     * content and can replay faults (error statuses, rate limits, cut streams). The in-process
     * simulator has no wire: its content is checked for shape only and faults cannot be injected.
     */
    WIRE(null);

    private final String rejectedParam;

    Capability(String rejectedParam) {
        this.rejectedParam = rejectedParam;
    }

    /** The request parameter an unsupporting provider must name in its refusal, or null for a behaviour. */
    public String rejectedParam() {
        return rejectedParam;
    }
}
