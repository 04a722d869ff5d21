package dev.gearbox.server.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gearbox.core.error.ErrorKind;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.telemetry.log.FeedbackLine;
import dev.gearbox.core.telemetry.log.LogLineSink;
import dev.gearbox.server.chat.TenantIds;
import dev.gearbox.server.http.Endpoint;
import dev.gearbox.server.http.Exchange;
import dev.gearbox.server.http.ExchangeOutcome;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/feedback}: appends a person's verdict on an answer to the decision log, where
 * {@code gearbox train --decision-log} and {@code gearbox report} find it. 200 with
 * {@code {"object":"feedback","request_id":...}} once queued; 400 naming the bad field (see
 * {@link FeedbackRequest}); 404 when the decision log is off (there is nowhere to keep it); 503 when
 * the log's queue is full (retry later). The request id is not checked against past requests: a
 * feedback line whose request has no decision line is ignored by the readers.
 */
public final class FeedbackEndpoint implements Endpoint {
    static final String BUSY_CODE = "decision_log_busy";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final LogLineSink log;
    private final Clock clock;

    /** {@code log} is null when the decision log is disabled. */
    public FeedbackEndpoint(LogLineSink log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(FullHttpRequest request, Exchange exchange) {
        if (log == null) {
            throw new GatewayException(ErrorKind.NOT_FOUND,
                    "feedback is kept in the decision log, which is off: set telemetry.decision_log.enabled: true");
        }
        FeedbackRequest feedback = FeedbackRequest.parse(request.content());
        String tenant = TenantIds.fromAuthorization(request.headers().get(HttpHeaderNames.AUTHORIZATION));
        FeedbackLine line = new FeedbackLine(feedback.requestId(), clock.instant().toString(), tenant,
                feedback.score(), feedback.label(), feedback.comment());
        if (!log.offer(line)) {
            throw new GatewayException(ErrorKind.UPSTREAM_UNAVAILABLE,
                    "the decision log is busy and the feedback was not recorded; retry shortly", null,
                    BUSY_CODE, 0, null, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "feedback");
        body.put("request_id", feedback.requestId());
        exchange.respond(json(body), ExchangeOutcome.success(200));
    }

    private static FullHttpResponse json(Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise the feedback answer", e);
        }
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                Unpooled.wrappedBuffer(bytes));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return response;
    }
}
