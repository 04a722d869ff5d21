package dev.gearbox.classifier.model;

import dev.gearbox.classifier.embed.Embedder;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A compact, versioned binary form of a trained router (gzip of tagged sections). kNN exemplar
 * embeddings are stored as int8 (x127): cosine similarities move by well under 0.01, and the
 * file shrinks fourfold. Readers reject an unknown magic, version or section tag. Since version 2
 * the header names the embeddings the model was trained on ({@link Embedder#SERVED_INPUT}), and a
 * model trained on other embeddings is refused: its scores would be silently skewed.
 */
public final class ModelCodec {

    private static final int MAGIC = 0x47425254; // "GBRT"
    private static final int VERSION = 2;
    private static final byte KNN = 1;
    private static final byte LOGREG = 2;
    private static final byte MLP = 3;
    private static final byte BLEND = 4;

    private ModelCodec() {
    }

    public static void write(RoutingModel model, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out, 1 << 16);
        DataOutputStream data = new DataOutputStream(gzip);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeUTF(Embedder.SERVED_INPUT);
        writeModel(model, data);
        data.flush();
        gzip.finish();
    }

    public static RoutingModel read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(new GZIPInputStream(in), 1 << 16));
        if (data.readInt() != MAGIC) {
            throw new IOException("not a Gearbox router model file");
        }
        int version = data.readInt();
        if (version == 1) {
            throw new IOException("model file format 1 was trained on the earlier embeddings (128 cl100k tokens);"
                    + " this build embeds " + Embedder.SERVED_INPUT + ": retrain it with `gearbox train`");
        }
        if (version != VERSION) {
            throw new IOException("unsupported router model version " + version + " (this build reads " + VERSION + ")");
        }
        String embeddings = data.readUTF();
        if (!embeddings.equals(Embedder.SERVED_INPUT)) {
            throw new IOException("model was trained on embeddings " + embeddings + ", this build embeds "
                    + Embedder.SERVED_INPUT + ": retrain it with `gearbox train`");
        }
        return readModel(data);
    }

    private static void writeModel(RoutingModel model, DataOutputStream out) throws IOException {
        if (model instanceof WeightedKnn knn) {
            out.writeByte(KNN);
            out.writeInt(knn.k());
            out.writeDouble(knn.power());
            writeDoubles(knn.targets(), out);
            float[][] e = knn.embeddings();
            out.writeInt(e[0].length);
            byte[] row = new byte[e[0].length];
            for (float[] v : e) {
                for (int j = 0; j < v.length; j++) {
                    row[j] = (byte) Math.round(Math.max(-1f, Math.min(1f, v[j])) * 127);
                }
                out.write(row);
            }
        } else if (model instanceof LogisticRegression lr) {
            out.writeByte(LOGREG);
            writeScaler(lr.scaler(), out);
            writeDoubles(lr.weights(), out);
            out.writeDouble(lr.bias());
        } else if (model instanceof Mlp mlp) {
            out.writeByte(MLP);
            writeScaler(mlp.scaler(), out);
            out.writeInt(mlp.inputs());
            out.writeInt(mlp.hidden());
            writeDoubles(mlp.params(), out);
        } else if (model instanceof Blend blend) {
            out.writeByte(BLEND);
            out.writeDouble(blend.firstWeight());
            writeModel(blend.first(), out);
            writeModel(blend.second(), out);
        } else {
            throw new IllegalArgumentException("cannot serialize " + model.getClass().getName());
        }
    }

    private static RoutingModel readModel(DataInputStream in) throws IOException {
        byte tag = in.readByte();
        switch (tag) {
            case KNN -> {
                int k = in.readInt();
                double power = in.readDouble();
                double[] targets = readDoubles(in);
                int dim = in.readInt();
                float[][] e = new float[targets.length][dim];
                byte[] row = new byte[dim];
                for (float[] v : e) {
                    in.readFully(row);
                    for (int j = 0; j < dim; j++) {
                        v[j] = row[j] / 127f;
                    }
                }
                return new WeightedKnn(e, targets, k, power);
            }
            case LOGREG -> {
                SignalScaler scaler = readScaler(in);
                double[] weights = readDoubles(in);
                return new LogisticRegression(scaler, weights, in.readDouble());
            }
            case MLP -> {
                SignalScaler scaler = readScaler(in);
                int inputs = in.readInt();
                int hidden = in.readInt();
                return new Mlp(scaler, inputs, hidden, readDoubles(in));
            }
            case BLEND -> {
                double weight = in.readDouble();
                RoutingModel first = readModel(in);
                return new Blend(first, readModel(in), weight);
            }
            default -> throw new IOException("unknown router model section " + tag);
        }
    }

    private static void writeScaler(SignalScaler s, DataOutputStream out) throws IOException {
        writeDoubles(s.mean(), out);
        writeDoubles(s.std(), out);
    }

    private static SignalScaler readScaler(DataInputStream in) throws IOException {
        return new SignalScaler(readDoubles(in), readDoubles(in));
    }

    private static void writeDoubles(double[] values, DataOutputStream out) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeDouble(v);
        }
    }

    private static double[] readDoubles(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 50_000_000) {
            throw new IOException("corrupt router model: array length " + n);
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readDouble();
        }
        return values;
    }
}
