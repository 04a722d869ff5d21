package dev.gearbox.server.metrics;

import dev.gearbox.core.metrics.MeterTags;

/**
 * Every meter the HTTP server records: name (Micrometer dot notation; Prometheus renders
 * {@code gearbox_http_requests_total} and {@code gearbox_http_request_duration_seconds}), what it
 * measures, and its tags. They count every HTTP exchange (admin calls, 404s and 413s included);
 * the chat pipeline's own {@code gearbox.requests} meters are {@link dev.gearbox.core.metrics.GatewayMeters}.
 * Tag values come from bounded sets only.
 */
public enum ServerMeters {
    /** Finished HTTP exchanges. */
    REQUESTS("gearbox.http.requests", "HTTP requests answered by Gearbox"),
    /** Time from the request's arrival to the end of its response (for a stream, its last event). */
    REQUEST_DURATION("gearbox.http.request.duration", "Time to answer an HTTP request, streams until their last event"),
    /** Decision-log lines by result: written, dropped (queue full or writer closed) or failed (I/O error). */
    DECISION_LOG_LINES("gearbox.decision.log.lines",
            "Decision-log lines by result: written, dropped (the bounded queue was full) or failed (I/O error)"),
    /** Lines waiting for the decision-log writer thread. */
    DECISION_LOG_QUEUE("gearbox.decision.log.queue", "Decision-log lines waiting for the writer thread"),
    /** Tasks queued on the Netty event loops, summed per group; a growing value means blocked or saturated loops. */
    EVENT_LOOP_PENDING_TASKS("gearbox.netty.eventloop.pending.tasks",
            "Tasks waiting on the Netty event loops of a group (accept or io), summed over its loops");

    /** The result of a decision-log line: written, dropped, failed. */
    public static final String TAG_RESULT = "result";
    /** The event loop group: accept or io. */
    public static final String TAG_GROUP = "group";

    /** The route label: chat_completions, models, health_live, health_ready, metrics, unmatched, rejected. */
    public static final String TAG_ROUTE = "route";
    /** The status class: 2xx, 4xx, 5xx (a client that went away counts as 4xx). */
    public static final String TAG_STATUS = "status";
    /** The tier that answered, or none. */
    public static final String TAG_TIER = MeterTags.TIER;
    /** The deployment that answered (configured names only), or none. */
    public static final String TAG_DEPLOYMENT = MeterTags.DEPLOYMENT;
    /** ok, cancelled (the client went away), or an error kind's metric tag. */
    public static final String TAG_OUTCOME = MeterTags.OUTCOME;
    public static final String NONE = MeterTags.NONE;

    private final String meterName;
    private final String description;

    ServerMeters(String meterName, String description) {
        this.meterName = meterName;
        this.description = description;
    }

    public String meterName() {
        return meterName;
    }

    public String description() {
        return description;
    }
}
