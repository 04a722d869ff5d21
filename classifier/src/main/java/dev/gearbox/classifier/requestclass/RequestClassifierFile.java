package dev.gearbox.classifier.requestclass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** The request classifier as a small JSON file: {@code {"minSimilarity": x, "centroids": {"code": [...]}}}. */
public final class RequestClassifierFile {

    /** The classifier trained on the shared data and shipped in this jar. */
    public static final String BUNDLED = "/dev/gearbox/classifier/request-classes.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private RequestClassifierFile() {
    }

    public static void write(RequestClassifier classifier, OutputStream out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("minSimilarity", classifier.minSimilarity());
        ObjectNode centroids = root.putObject("centroids");
        for (Map.Entry<RequestClass, float[]> c : new EnumMap<>(classifier.centroids()).entrySet()) {
            ArrayNode values = centroids.putArray(c.getKey().tag());
            for (float v : c.getValue()) {
                values.add(v);
            }
        }
        MAPPER.writeValue(out, root);
    }

    public static RequestClassifier read(InputStream in) throws IOException {
        JsonNode root = MAPPER.readTree(in);
        JsonNode centroids = root.path("centroids");
        if (!root.path("minSimilarity").isNumber() || !centroids.isObject()) {
            throw new IOException("request classifier file needs minSimilarity and centroids");
        }
        Map<RequestClass, float[]> out = new EnumMap<>(RequestClass.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = centroids.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            RequestClass c;
            try {
                c = RequestClass.valueOf(e.getKey().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IOException("unknown request class '" + e.getKey() + "'", unknown);
            }
            float[] v = new float[e.getValue().size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = (float) e.getValue().get(j).asDouble();
            }
            out.put(c, v);
        }
        return new RequestClassifier(out, root.get("minSimilarity").asDouble());
    }

    /** The bundled classifier. */
    public static RequestClassifier bundled() {
        try (InputStream in = RequestClassifierFile.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("request classifier " + BUNDLED + " is missing from the classpath");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled request classifier", e);
        }
    }
}
