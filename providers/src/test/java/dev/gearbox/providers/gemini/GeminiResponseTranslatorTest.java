package dev.gearbox.providers.gemini;

import static dev.gearbox.providers.gemini.GeminiFixtures.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.core.model.Choice;
import dev.gearbox.core.model.ToolCall;
import org.junit.jupiter.api.Test;

class GeminiResponseTranslatorTest {
    private final GeminiResponseTranslator translator = new GeminiResponseTranslator();

    private ChatResponse translate(String fixture) {
        return translator.translate(tree(fixture), "chatcmpl-fallback", "gemini-configured", 1_700_000_000L);
    }

    @Test
    void aTextAnswerWithUsageIncludingCachedAndThinkingTokens() {
        ChatResponse r = translate("response-text.json");

        assertThat(r.id()).isEqualTo("chatcmpl-mR5DZ5XnBKr0qtsP4Yi5oQ4");
        assertThat(r.model()).isEqualTo("gemini-2.5-flash");
        assertThat(r.created()).isEqualTo(1_700_000_000L);
        assertThat(r.firstText()).isEqualTo("Paris is the capital of France.");
        assertThat(r.choices().get(0).finishReason()).isEqualTo("stop");
        assertThat(r.usage().promptTokens()).isEqualTo(12);
        assertThat(r.usage().completionTokens()).isEqualTo(19);
        assertThat(r.usage().totalTokens()).isEqualTo(31);
        assertThat(r.usage().extra().get("prompt_tokens_details").get("cached_tokens").asInt()).isEqualTo(4);
        assertThat(r.usage().extra().get("completion_tokens_details").get("reasoning_tokens").asInt()).isEqualTo(12);
    }

    @Test
    void functionCallsBecomeToolCallsWithStableIdsAndTheToolCallsFinishReason() {
        Choice choice = translate("response-function-calls.json").choices().get(0);

        assertThat(choice.finishReason()).isEqualTo("tool_calls");
        assertThat(choice.message().text()).isEqualTo("Checking both cities.");
        assertThat(choice.message().toolCalls()).containsExactly(
                ToolCall.function("call_0_ts_CtQBAVSoXO4=", "get_weather", "{\"city\":\"Paris\"}"),
                ToolCall.function("call_1", "get_weather", "{\"city\":\"Rome\"}"));
    }

    @Test
    void aBlockedPromptIsAContentFilterAnswerWithARefusal() {
        ChatResponse r = translate("response-blocked.json");

        assertThat(r.id()).isEqualTo("chatcmpl-fallback");
        Choice choice = r.choices().get(0);
        assertThat(choice.finishReason()).isEqualTo("content_filter");
        assertThat(choice.message().content()).isNull();
        assertThat(choice.message().extra().get("refusal").asText()).isEqualTo("Gemini blocked the prompt (SAFETY)");
        assertThat(r.usage().promptTokens()).isEqualTo(9);
    }

    @Test
    void finishReasonsMapToOpenAiOnes() {
        assertThat(GeminiFinishReasons.toOpenAi("STOP", false)).isEqualTo("stop");
        assertThat(GeminiFinishReasons.toOpenAi("STOP", true)).isEqualTo("tool_calls");
        assertThat(GeminiFinishReasons.toOpenAi("MAX_TOKENS", true)).isEqualTo("length");
        for (String filtered : new String[] {"SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII"}) {
            assertThat(GeminiFinishReasons.toOpenAi(filtered, false)).as(filtered).isEqualTo("content_filter");
        }
        assertThat(GeminiFinishReasons.toOpenAi("OTHER", false)).isEqualTo("stop");
        assertThat(GeminiFinishReasons.toOpenAi(null, false)).isNull();
    }

    @Test
    void aCandidateStoppedForSafetyHasNoContent() {
        ChatResponse r = translator.translate(tree("""
                {"candidates":[{"finishReason":"SAFETY","index":0,"safetyRatings":[]}]}"""), "id", "m", 1);

        assertThat(r.choices().get(0).finishReason()).isEqualTo("content_filter");
        assertThat(r.choices().get(0).message().content()).isNull();
        assertThat(r.usage()).isNull();
    }

    @Test
    void aCandidateWithoutFinishReasonOrIndexIsStoppedAndPositioned() {
        ChatResponse r = translator.translate(tree("""
                {"candidates":[{"content":{"parts":[{"text":"a"}]}},{"content":{"parts":[{"text":"b"}]}}]}"""),
                "id", "m", 1);

        assertThat(r.choices()).extracting(Choice::index).containsExactly(0, 1);
        assertThat(r.choices()).extracting(Choice::finishReason).containsOnly("stop");
    }

    @Test
    void logprobsResultBecomesOpenAisLogprobsContent() {
        ChatResponse r = translator.translate(tree("""
                {"candidates":[{"content":{"parts":[{"text":"Hi!"}]},"finishReason":"STOP",
                  "logprobsResult":{
                    "topCandidates":[{"candidates":[{"token":"Hi","logProbability":-0.1},{"token":"Hey","logProbability":-2.5}]},
                                     {"candidates":[{"token":"!","logProbability":-0.01}]}],
                    "chosenCandidates":[{"token":"Hi","logProbability":-0.1},{"token":"!","logProbability":-0.01}]}}]}"""),
                "id", "m", 1);

        assertThat(r.choices().get(0).logprobs()).isEqualTo(tree("""
                {"content":[
                  {"token":"Hi","logprob":-0.1,"bytes":[72,105],"top_logprobs":[
                    {"token":"Hi","logprob":-0.1,"bytes":[72,105]},{"token":"Hey","logprob":-2.5,"bytes":[72,101,121]}]},
                  {"token":"!","logprob":-0.01,"bytes":[33],"top_logprobs":[{"token":"!","logprob":-0.01,"bytes":[33]}]}],
                 "refusal":null}"""));
        assertThat(translate("response-text.json").choices().get(0).logprobs()).isNull();
    }

    @Test
    void aBodyWithNeitherCandidatesNorABlockReasonIsAnUpstreamError() {
        GatewayException e = catchThrowableOfType(GatewayException.class,
                () -> translator.translate(tree("{\"usageMetadata\":{}}"), "id", "m", 1));

        assertThat(e.kind()).isEqualTo(ErrorKind.UPSTREAM_ERROR);
        assertThat(e.getMessage()).contains("no candidates");
    }
}
