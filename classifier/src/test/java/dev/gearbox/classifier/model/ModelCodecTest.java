package dev.gearbox.classifier.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.gearbox.classifier.embed.Embedder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCodecTest {

    private static byte[] bytes(RoutingModel m) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ModelCodec.write(m, out);
        return out.toByteArray();
    }

    @Test
    void roundTripsEveryFamilyInsideBlends() throws IOException {
        List<Example> data = SyntheticExamples.quadrants(120, 5);
        RoutingModel lr = LogisticRegression.family(1e-3, 50).fit(data);
        RoutingModel mlp = Mlp.family(4, 3, 1e-4, 1).fit(data);
        RoutingModel knn = WeightedKnn.family(5, 2).fit(data);
        RoutingModel model = new Blend(knn, new Blend(lr, mlp, 0.5), 0.4);

        RoutingModel back = ModelCodec.read(new ByteArrayInputStream(bytes(model)));

        for (double angle = 0; angle < 6.2; angle += 0.7) {
            float[] e = SyntheticExamples.unit(angle);
            double[] s = {0.3};
            assertThat(back.score(e, s)).isCloseTo(model.score(e, s), within(0.02));
        }
        Blend inner = (Blend) ((Blend) back).second();
        assertThat(inner.first().score(SyntheticExamples.unit(1), new double[] {0}))
                .isEqualTo(lr.score(SyntheticExamples.unit(1), new double[] {0}));
    }

    @Test
    void rejectsForeignOrNewerFiles() throws IOException {
        byte[] good = bytes(LogisticRegression.family(0, 1).fit(SyntheticExamples.halfPlane(10, 1)));
        assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOf(IOException.class);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(gz))) {
            out.writeInt(0x47425254);
            out.writeInt(99);
        }
        assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(gz.toByteArray())))
                .hasMessageContaining("version 99");
        assertThat(ModelCodec.read(new ByteArrayInputStream(good))).isInstanceOf(LogisticRegression.class);
    }

    @Test
    void refusesAModelTrainedOnOtherEmbeddings() throws IOException {
        assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(header(1, null))))
                .hasMessageContaining("format 1").hasMessageContaining("gearbox train");
        assertThatThrownBy(() -> ModelCodec.read(new ByteArrayInputStream(header(2, "some-other-embedder/512"))))
                .hasMessageContaining("some-other-embedder/512").hasMessageContaining(Embedder.SERVED_INPUT)
                .hasMessageContaining("gearbox train");
    }

    private static byte[] header(int version, String embeddings) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (var out = new java.io.DataOutputStream(new java.util.zip.GZIPOutputStream(gz))) {
            out.writeInt(0x47425254);
            out.writeInt(version);
            if (embeddings != null) {
                out.writeUTF(embeddings);
            }
        }
        return gz.toByteArray();
    }

    @Test
    void refusesModelsItCannotWrite() {
        RoutingModel lambda = (e, s) -> 0.5;
        assertThatThrownBy(() -> bytes(lambda)).isInstanceOf(IllegalArgumentException.class);
    }
}
