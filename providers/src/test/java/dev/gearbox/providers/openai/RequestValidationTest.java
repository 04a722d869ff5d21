package dev.gearbox.providers.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestValidationTest {
    private static final String USER = "{\"role\":\"user\",\"content\":\"hi\"}";
    private final OpenAiCodec codec = new OpenAiCodec();

    /** Each row: the top-level members after model and messages (or a whole body), the param, the code. */
    @ParameterizedTest(name = "{1}: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {"messages":[USER]}                                      | model                      | missing_required_parameter
            {"model":7,"messages":[USER]}                            | model                      | invalid_type
            {"model":null,"messages":[USER]}                         | model                      | invalid_type
            {"model":"","messages":[USER]}                           | model                      | invalid_value
            {"model":"m"}                                            | messages                   | missing_required_parameter
            {"model":"m","messages":{}}                              | messages                   | invalid_type
            {"model":"m","messages":[]}                              | messages                   | empty_array
            {"model":"m","messages":["hi"]}                          | messages[0]                | invalid_type
            {"model":"m","messages":[{"content":"x"}]}               | messages[0].role           | missing_required_parameter
            {"model":"m","messages":[{"role":"robot","content":"x"}]} | messages[0].role          | invalid_value
            {"model":"m","messages":[{"role":1,"content":"x"}]}      | messages[0].role           | invalid_type
            {"model":"m","messages":[USER,{"role":"user"}]}          | messages[1].content        | missing_required_parameter
            {"model":"m","messages":[{"role":"user","content":null}]} | messages[0].content       | invalid_type
            {"model":"m","messages":[{"role":"user","content":5}]}   | messages[0].content        | invalid_type
            {"model":"m","messages":[{"role":"user","content":[]}]}  | messages[0].content        | empty_array
            {"model":"m","messages":[{"role":"user","content":[{"type":"text"}]}]} | messages[0].content[0].text | missing_required_parameter
            {"model":"m","messages":[{"role":"user","content":[{"text":"a"}]}]} | messages[0].content[0].type | missing_required_parameter
            {"model":"m","messages":[{"role":"user","content":[{"type":"image_url","image_url":{}}]}]} | messages[0].content[0].image_url.url | missing_required_parameter
            {"model":"m","messages":[{"role":"user","content":"x","name":3}]} | messages[0].name   | invalid_type
            {"model":"m","messages":[{"role":"tool","content":"x"}]} | messages[0].tool_call_id   | missing_required_parameter
            {"model":"m","messages":[{"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f"}}]}]} | messages[0].tool_calls[0].function.arguments | missing_required_parameter
            {"model":"m","messages":[{"role":"assistant","tool_calls":{}}]} | messages[0].tool_calls | invalid_type
            {"model":"m","messages":[USER],"stream":"yes"}           | stream                     | invalid_type
            {"model":"m","messages":[USER],"stream_options":{"include_usage":1}} | stream_options.include_usage | invalid_type
            {"model":"m","messages":[USER],"stream_options":true}    | stream_options             | invalid_type
            {"model":"m","messages":[USER],"temperature":"hot"}      | temperature                | invalid_type
            {"model":"m","messages":[USER],"top_p":[1]}              | top_p                      | invalid_type
            {"model":"m","messages":[USER],"temperature":1e400}      | temperature                | invalid_value
            {"model":"m","messages":[USER],"n":1.5}                  | n                          | invalid_type
            {"model":"m","messages":[USER],"max_tokens":"10"}        | max_tokens                 | invalid_type
            {"model":"m","messages":[USER],"max_tokens":99999999999} | max_tokens                 | invalid_value
            {"model":"m","messages":[USER],"max_completion_tokens":true} | max_completion_tokens  | invalid_type
            {"model":"m","messages":[USER],"stop":5}                 | stop                       | invalid_type
            {"model":"m","messages":[USER],"stop":["a",2]}           | stop[1]                    | invalid_type
            {"model":"m","messages":[USER],"seed":"1"}               | seed                       | invalid_type
            {"model":"m","messages":[USER],"logprobs":"true"}        | logprobs                   | invalid_type
            {"model":"m","messages":[USER],"top_logprobs":2.5}       | top_logprobs               | invalid_type
            {"model":"m","messages":[USER],"tools":{}}               | tools                      | invalid_type
            {"model":"m","messages":[USER],"tools":[{"function":{"name":"f"}}]} | tools[0].type   | missing_required_parameter
            {"model":"m","messages":[USER],"tools":[{"type":"function"}]} | tools[0].function     | missing_required_parameter
            {"model":"m","messages":[USER],"tools":[{"type":"function","function":{}}]} | tools[0].function.name | missing_required_parameter
            {"model":"m","messages":[USER],"tools":[{"type":"function","function":{"name":"f","parameters":"{}"}}]} | tools[0].function.parameters | invalid_type
            {"model":"m","messages":[USER],"tools":[{"type":"function","function":{"name":"f","strict":"yes"}}]} | tools[0].function.strict | invalid_type
            {"model":"m","messages":[USER],"tool_choice":3}          | tool_choice                | invalid_type
            {"model":"m","messages":[USER],"response_format":"json"} | response_format            | invalid_type
            """)
    void invalidFieldsAreNamedAsOpenAiNamesThem(String body, String param, String code) {
        GatewayException e = reject(body.replace("USER", USER));

        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.param()).isEqualTo(param);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.getMessage()).contains("'" + param + "'");
    }

    @Test
    void malformedJsonIsReportedWithTheParserDetailButNoStackTrace() {
        GatewayException e = reject("{\"model\": \"m\", \"messages\": [}");

        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(e.param()).isNull();
        assertThat(e.getMessage()).startsWith("We could not parse the JSON body of your request")
                .contains("line 1").doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void trailingGarbageAfterTheObjectIsMalformed() {
        assertThat(reject("{\"model\":\"m\",\"messages\":[" + USER + "]} trailing").getMessage())
                .startsWith("We could not parse the JSON body");
    }

    @Test
    void emptyBodyIsMalformed() {
        assertThat(reject("").getMessage()).startsWith("We could not parse the JSON body");
        assertThat(reject("   ").getMessage()).startsWith("We could not parse the JSON body");
    }

    @Test
    void bodyMustBeAnObject() {
        GatewayException e = reject("[1,2]");

        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_REQUEST);
        assertThat(e.getMessage()).isEqualTo("The request body must be a JSON object, but got an array instead.");
    }

    @Test
    void invalidRoleListsTheSupportedRoles() {
        GatewayException e = reject("{\"model\":\"m\",\"messages\":[{\"role\":\"robot\",\"content\":\"x\"}]}");

        assertThat(e.getMessage()).contains("'robot'").contains("'developer'");
    }

    @Test
    void invalidTypeNamesExpectedAndActualTypes() {
        GatewayException e = reject("{\"model\":\"m\",\"messages\":[" + USER + "],\"temperature\":\"hot\"}");

        assertThat(e.getMessage())
                .isEqualTo("Invalid type for 'temperature': expected a decimal, but got a string instead.");
    }

    private GatewayException reject(String body) {
        return catchThrowableOfType(GatewayException.class,
                () -> codec.readRequest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
