package dev.gearbox.classifier.lexical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SparseVectorTest {

    @Test
    void dotsWithADenseVector() {
        SparseVector v = new SparseVector(new int[] {1, 3}, new float[] {2, -1});
        assertThat(v.dot(new double[] {10, 0.5, 10, 4})).isEqualTo(2 * 0.5 - 4);
        assertThat(v.size()).isEqualTo(2);
    }

    @Test
    void copiesItsArrays() {
        int[] index = {0, 2};
        float[] value = {1, 1};
        SparseVector v = new SparseVector(index, value);
        index[1] = 1;
        value[0] = 5;
        assertThat(v.index(1)).isEqualTo(2);
        assertThat(v.value(0)).isEqualTo(1f);
    }

    @Test
    void rejectsUnsortedOrMismatchedArrays() {
        assertThatThrownBy(() -> new SparseVector(new int[] {2, 1}, new float[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("increasing");
        assertThatThrownBy(() -> new SparseVector(new int[] {1, 1}, new float[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SparseVector(new int[] {1}, new float[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lengths");
    }
}
