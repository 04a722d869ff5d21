package dev.gearbox.classifier.requestclass;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestClassifierTest {

    private static final float[] X = {1, 0, 0};
    private static final float[] Y = {0, 1, 0};
    private static final float[] Z = {0, 0, 1};

    private static RequestClassifier trained() {
        return RequestClassifier.train(List.of(X, new float[] {0.9f, 0.1f, 0}, Y),
                List.of(RequestClass.CODE, RequestClass.CODE, RequestClass.MATH), 0.5);
    }

    @Test
    void nearestCentroidWinsAndFarRequestsAreOther() {
        RequestClassifier c = trained();
        assertThat(c.classify("write a parser", X)).isEqualTo(RequestClass.CODE);
        assertThat(c.classify("integrate x^2", Y)).isEqualTo(RequestClass.MATH);
        assertThat(c.classify("something else", Z)).isEqualTo(RequestClass.OTHER);
    }

    @Test
    void rulesDecideChatAndExtraction() {
        RequestClassifier c = trained();
        assertThat(c.classify("Hello, how are you today?", X)).isEqualTo(RequestClass.CHAT);
        String report = "Please extract every date from this report:\n" + "The meeting moved to May 3. ".repeat(60);
        assertThat(c.classify(report, X)).isEqualTo(RequestClass.EXTRACTION);
        assertThat(c.classify("Please extract the year: 1999", X)).isEqualTo(RequestClass.CODE);
    }

    @Test
    void aHugePromptIsJudgedByItsTwoEnds() {
        RequestClassifier c = trained();
        String material = "The quick brown fox jumps over the lazy dog. ".repeat(20_000);
        assertThat(c.classify(material + "Extract every animal as a JSON list.", X)).isEqualTo(RequestClass.EXTRACTION);
        assertThat(c.classify("Summarize the report below.\n" + material, X)).isEqualTo(RequestClass.EXTRACTION);
        // an instruction buried in the middle of 900k characters is not read
        String half = material.substring(0, material.length() / 2);
        assertThat(c.classify(half + "Extract the animals. " + half, X)).isNotEqualTo(RequestClass.EXTRACTION);
    }

    @Test
    void fileRoundTripsAndRejectsUnknownClasses() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RequestClassifierFile.write(trained(), out);
        RequestClassifier back = RequestClassifierFile.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.minSimilarity()).isEqualTo(0.5);
        assertThat(back.centroids()).containsOnlyKeys(RequestClass.CODE, RequestClass.MATH);
        assertThat(back.classify("x", Y)).isEqualTo(RequestClass.MATH);
        byte[] bad = "{\"minSimilarity\":0.1,\"centroids\":{\"poetry\":[1]}}".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> RequestClassifierFile.read(new ByteArrayInputStream(bad)))
                .hasMessageContaining("poetry");
    }

    @Test
    void labelsComeFromCategoriesAndDomains() {
        assertThat(RequestClassLabels.ofArenaCategory("coding")).contains(RequestClass.CODE);
        assertThat(RequestClassLabels.ofArenaCategory("arena-hard-v0.1")).isEmpty();
        assertThat(RequestClassLabels.ofRoutingRow("gsm8k", "grade_school_math")).contains(RequestClass.MATH);
        assertThat(RequestClassLabels.ofRoutingRow("mmlu", "formal_logic")).contains(RequestClass.REASONING);
        assertThat(RequestClassLabels.ofRoutingRow("mmlu", "virology")).contains(RequestClass.KNOWLEDGE);
        assertThat(RequestClassLabels.ofRoutingRow("arena_bench_v1", "open_chat")).isEmpty();
        assertThat(RequestClass.EXTRACTION.tag()).isEqualTo("extraction");
    }
}
