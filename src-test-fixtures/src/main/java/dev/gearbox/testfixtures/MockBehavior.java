package dev.gearbox.testfixtures;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the mock upstream does for one request, chosen by the request's {@code model} name.
 * Unknown names behave like {@code ok}.
 */
public sealed interface MockBehavior {

    /** {@code ok} (and any unknown name): an instant small answer. */
    record Ok() implements MockBehavior {
    }

    /** {@code error-503}, {@code error-500}, {@code error-400}, {@code error-401}; {@code error-429-retry-N} adds Retry-After: N. */
    record Error(int status, Integer retryAfterSeconds) implements MockBehavior {
    }

    /** {@code slow-MS}: waits MS milliseconds before the response headers. */
    record Slow(long millis) implements MockBehavior {
    }

    /** {@code stream-slow-MS}: MS milliseconds between stream events. */
    record StreamSlow(long millis) implements MockBehavior {
    }

    /** {@code stream-cut-after-N}: N stream events (the role chunk counts), then the connection closes without [DONE]. */
    record StreamCut(int events) implements MockBehavior {
    }

    /** {@code garbage}: status 200 with a body that is not JSON (nor SSE JSON). */
    record Garbage() implements MockBehavior {
    }

    /** {@code hang}: never answers; the connection stays open until the client gives up. */
    record Hang() implements MockBehavior {
    }

    /** {@code tool-call}: one tool call, streamed as index-0 deltas when streaming. */
    record ToolCall() implements MockBehavior {
    }

    /** {@code echo}: answers with the last user message. */
    record Echo() implements MockBehavior {
    }

    /** {@code json}: a JSON object as the content, as a model in JSON mode writes it. */
    record Json() implements MockBehavior {
    }

    /** {@code almost-json}: prose around a JSON object that is never closed: not valid JSON. */
    record AlmostJson() implements MockBehavior {
    }

    /** {@code empty}: an answer with empty content (a quality gate should reject it). */
    record Empty() implements MockBehavior {
    }

    /** {@code big-N}: N content chunks (N words when not streaming). */
    record Big(int chunks) implements MockBehavior {
    }

    Pattern ERROR = Pattern.compile("error-(\\d{3})(?:-retry-(\\d+))?");
    Pattern NUMBERED = Pattern.compile("(slow|stream-slow|stream-cut-after|big)-(\\d{1,9})");

    static MockBehavior forModel(String model) {
        if (model == null) {
            return new Ok();
        }
        switch (model) {
            case "garbage":
                return new Garbage();
            case "hang":
                return new Hang();
            case "tool-call":
                return new ToolCall();
            case "echo":
                return new Echo();
            case "json":
                return new Json();
            case "almost-json":
                return new AlmostJson();
            case "empty":
                return new Empty();
            default:
                break;
        }
        Matcher error = ERROR.matcher(model);
        if (error.matches()) {
            return new Error(Integer.parseInt(error.group(1)),
                    error.group(2) == null ? null : Integer.valueOf(error.group(2)));
        }
        Matcher numbered = NUMBERED.matcher(model);
        if (numbered.matches()) {
            int value = Integer.parseInt(numbered.group(2));
            return switch (numbered.group(1)) {
                case "slow" -> new Slow(value);
                case "stream-slow" -> new StreamSlow(value);
                case "stream-cut-after" -> new StreamCut(value);
                default -> new Big(value);
            };
        }
        return new Ok();
    }
}
