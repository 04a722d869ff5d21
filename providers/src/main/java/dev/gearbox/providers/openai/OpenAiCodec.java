package dev.gearbox.providers.openai;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.gearbox.core.error.GatewayException;
import dev.gearbox.core.model.ChatChunk;
import dev.gearbox.core.model.ChatRequest;
import dev.gearbox.core.model.ChatResponse;
import dev.gearbox.providers.sse.SseFrames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.ByteBufUtil;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * The OpenAI chat-completions wire format, both directions, for clients and upstreams.
 * Thread-safe and meant to be shared: one Jackson mapper, tree model in, streaming generator out.
 *
 * <p>Conventions the readers and writers share:
 * <ul>
 *   <li>Fields Gearbox does not type are kept in the records' {@code extra} maps, in order, and
 *       re-emitted unchanged.</li>
 *   <li>An explicit JSON {@code null} of an optional typed field that the writer would otherwise
 *       omit (a message's {@code content}, a delta's {@code role}/{@code content},
 *       {@code system_fingerprint}) is kept as a null entry in {@code extra} and re-emitted as null.</li>
 *   <li>{@code stream_options} members other than {@code include_usage} live in
 *       {@code ChatRequest.extra["stream_options"]}; unknown members of a function tool's {@code function}
 *       object live in {@code Tool.extra["function"]}; both are merged back on write.</li>
 *   <li>A text or image content part carrying members Gearbox does not type (e.g. {@code cache_control})
 *       is kept whole as {@code ContentPart.Other}, so it is forwarded byte for byte.</li>
 *   <li>Chunks: whether {@code "usage": null} appears on chunks without usage is not chunk state but
 *       the client's {@code stream_options.include_usage}; pass it to {@link #writeChunk(ChatChunk, boolean)}.</li>
 * </ul>
 */
public final class OpenAiCodec {
    /**
     * Jackson's default 20M-character cap on one string would reject a large base64 image data URI
     * with a misleading parse error; the server's body-size limit is the real bound.
     */
    private static final int MAX_STRING_CHARS = 256 * 1024 * 1024;

    private final ObjectMapper mapper;

    public OpenAiCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARS).build())
                .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
    }

    /** The codec's mapper, for callers that parse related JSON the same way; shared, so never reconfigure it. */
    public ObjectMapper mapper() {
        return mapper;
    }

    // ---- client requests -------------------------------------------------------------------

    /** Parses and validates a client request; bad input is an invalid_request_error naming the field. */
    public ChatRequest readRequest(byte[] body) {
        return readRequest(body, 0, body.length);
    }

    public ChatRequest readRequest(byte[] body, int offset, int length) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body, offset, length);
        } catch (IOException e) {
            throw RequestErrors.unparsable(parserDetail(e));
        }
        return RequestReader.read(nonEmpty(tree));
    }

    /** Parses a request from the buffer's readable bytes without changing its indexes. */
    public ChatRequest readRequest(ByteBuf body) {
        if (body.hasArray()) {
            return readRequest(body.array(), body.arrayOffset() + body.readerIndex(), body.readableBytes());
        }
        JsonNode tree;
        try (ByteBufInputStream in = new ByteBufInputStream(body.duplicate())) {
            tree = mapper.readTree(in);
        } catch (IOException e) {
            throw RequestErrors.unparsable(parserDetail(e));
        }
        return RequestReader.read(nonEmpty(tree));
    }

    /** The request as an upstream OpenAI-compatible body, addressed to {@code upstreamModel}. */
    public byte[] writeRequest(ChatRequest request, String upstreamModel) {
        return toBytes(g -> RequestWriter.write(g, request, upstreamModel));
    }

    // ---- upstream responses and chunks ------------------------------------------------------

    /** Parses an upstream response; anything unusable is an UPSTREAM_ERROR GatewayException. */
    public ChatResponse readResponse(byte[] body) {
        return ResponseReader.response(readUpstream(body, 0, body.length));
    }

    /** Parses an upstream response from the buffer's readable bytes without changing its indexes. */
    public ChatResponse readResponse(ByteBuf body) {
        if (body.hasArray()) {
            return ResponseReader.response(readUpstream(body.array(), body.arrayOffset() + body.readerIndex(),
                    body.readableBytes()));
        }
        return readResponse(ByteBufUtil.getBytes(body));
    }

    /** Parses the {@code data} of one SSE event of an upstream stream (not {@code [DONE]}). */
    public ChatChunk readChunk(String dataJson) {
        JsonNode tree;
        try {
            tree = mapper.readTree(dataJson);
        } catch (JsonProcessingException e) {
            throw UpstreamErrors.invalid("chunk is not valid JSON (" + parserDetail(e) + ")");
        }
        if (tree == null || tree.isMissingNode()) {
            throw UpstreamErrors.invalid("empty chunk");
        }
        return ResponseReader.chunk(tree);
    }

    /**
     * What an upstream error response said: {@code error.message} (plus type, code, param) when the
     * body is an OpenAI-style error, else a short sanitized prefix of the body.
     */
    public UpstreamErrorBody readUpstreamError(byte[] body) {
        if (body != null && body.length > 0) {
            try {
                JsonNode tree = mapper.readTree(body);
                if (tree != null && tree.isObject()) {
                    UpstreamErrorBody parsed = ErrorBodies.fromJson(tree);
                    if (parsed != null) {
                        return parsed;
                    }
                }
            } catch (IOException notJson) {
                // fall through: report a sanitized prefix of the raw body instead
            }
        }
        return ErrorBodies.fromRaw(body);
    }

    /** Reads an upstream error from the buffer's readable bytes without changing its indexes. */
    public UpstreamErrorBody readUpstreamError(ByteBuf body) {
        return readUpstreamError(ByteBufUtil.getBytes(body));
    }

    /** Shorthand for {@code readUpstreamError(body).message()}. */
    public String readUpstreamErrorMessage(byte[] body) {
        return readUpstreamError(body).message();
    }

    // ---- client responses -------------------------------------------------------------------

    public byte[] writeResponse(ChatResponse response) {
        return toBytes(g -> ResponseWriter.response(g, response));
    }

    /** A chunk as sent when the client did not ask for usage: no {@code usage} key unless the chunk has usage. */
    public byte[] writeChunk(ChatChunk chunk) {
        return writeChunk(chunk, false);
    }

    /**
     * @param includeUsage the client's {@code stream_options.include_usage}: when true, chunks without
     *                     usage carry {@code "usage": null}, as OpenAI sends them
     */
    public byte[] writeChunk(ChatChunk chunk, boolean includeUsage) {
        return toBytes(g -> ResponseWriter.chunk(g, chunk, includeUsage));
    }

    /** Appends the chunk's JSON to {@code out} (e.g. a pooled buffer that already holds {@code data: }). */
    public void writeChunk(ChatChunk chunk, boolean includeUsage, ByteBuf out) {
        try (JsonGenerator g = mapper.createGenerator((OutputStream) new ByteBufOutputStream(out))) {
            ResponseWriter.chunk(g, chunk, includeUsage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The chunk as a complete SSE event, {@code data: <json>\n\n}, written straight into a buffer
     * from {@code alloc} (no intermediate copy); the caller owns the buffer.
     */
    public ByteBuf writeChunkEvent(ChatChunk chunk, boolean includeUsage, ByteBufAllocator alloc) {
        ByteBuf out = alloc.buffer(256);
        try {
            SseFrames.writeDataPrefix(out);
            writeChunk(chunk, includeUsage, out);
            SseFrames.writeEventEnd(out);
            return out;
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    /** {@code {"error":{"message","type","param","code"}}}, code a string or null. */
    public byte[] writeError(GatewayException e) {
        return toBytes(g -> ErrorBodies.write(g, e));
    }

    // ---- helpers ----------------------------------------------------------------------------

    /** One write into a generator; IOException only in theory, as output goes to memory. */
    private interface JsonWrite {
        void to(JsonGenerator g) throws IOException;
    }

    private byte[] toBytes(JsonWrite write) {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        try (JsonGenerator g = mapper.createGenerator((OutputStream) out)) {
            write.to(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private JsonNode readUpstream(byte[] body, int offset, int length) {
        JsonNode tree;
        try {
            tree = mapper.readTree(body, offset, length);
        } catch (IOException e) {
            throw UpstreamErrors.invalid("body is not valid JSON (" + parserDetail(e) + ")");
        }
        if (tree == null || tree.isMissingNode()) {
            throw UpstreamErrors.invalid("empty body");
        }
        return tree;
    }

    private static JsonNode nonEmpty(JsonNode tree) {
        if (tree == null || tree.isMissingNode()) {
            throw RequestErrors.unparsable("the body is empty");
        }
        return tree;
    }

    /** The parser's own words and position, without the source snippet Jackson may append. */
    private static String parserDetail(IOException e) {
        if (e instanceof JsonProcessingException jpe) {
            String detail = jpe.getOriginalMessage();
            if (jpe.getLocation() != null && jpe.getLocation().getLineNr() > 0) {
                detail += " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr();
            }
            return detail;
        }
        return e.getClass().getSimpleName();
    }
}
