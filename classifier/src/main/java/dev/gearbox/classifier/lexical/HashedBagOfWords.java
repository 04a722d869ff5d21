package dev.gearbox.classifier.lexical;

import java.util.Arrays;

/**
 * Hashed unigram + bigram bag of words of a prompt: lower-cased letter runs and digit runs (a
 * number becomes its digit count, so "1234" and "5678" share a token), each unigram and each pair
 * of neighbours hashed into {@code 2^bits} buckets, weighted 1 + ln(count) and L2-normalized.
 * Catches the subject and difficulty words a sentence embedding blurs. Pure and thread-safe; the
 * hash is fixed (FNV-1a then a murmur finalizer), so a trained model's buckets mean the same in
 * every JVM. Input beyond {@link #MAX_CHARS} characters is ignored, bounding the cost.
 */
public final class HashedBagOfWords {

    /** Characters read per prompt: the cost stays in microseconds whatever the prompt length. */
    public static final int MAX_CHARS = 8_000;
    private static final int FNV_OFFSET = 0x811c9dc5;
    private static final int FNV_PRIME = 0x01000193;
    private static final int BIGRAM_SEED = 0x9e3779b9;

    private final int bits;
    private final int mask;

    public HashedBagOfWords(int bits) {
        if (bits < 4 || bits > 24) {
            throw new IllegalArgumentException("bits must be in [4, 24], got " + bits);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
    }

    public int bits() {
        return bits;
    }

    /** The number of buckets, the dimension of the vectors this produces. */
    public int dimension() {
        return 1 << bits;
    }

    /** The normalized hashed unigram + bigram counts of {@code text}; empty for text without words. */
    public SparseVector of(String text) {
        int[] hashes = tokenHashes(text);
        int[] buckets = new int[Math.max(0, 2 * hashes.length - 1)];
        int n = 0;
        for (int i = 0; i < hashes.length; i++) {
            buckets[n++] = mix(hashes[i]) & mask;
            if (i > 0) {
                buckets[n++] = mix((hashes[i - 1] * 31 + hashes[i]) ^ BIGRAM_SEED) & mask;
            }
        }
        Arrays.sort(buckets, 0, n);
        int[] index = new int[n];
        float[] value = new float[n];
        int distinct = 0;
        double norm = 0;
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && buckets[j] == buckets[i]) {
                j++;
            }
            double w = 1 + Math.log(j - i);
            index[distinct] = buckets[i];
            value[distinct++] = (float) w;
            norm += w * w;
            i = j;
        }
        float scale = (float) (1 / Math.sqrt(Math.max(norm, 1e-12)));
        for (int i = 0; i < distinct; i++) {
            value[i] *= scale;
        }
        return new SparseVector(Arrays.copyOf(index, distinct), Arrays.copyOf(value, distinct));
    }

    /** FNV-1a hash of each token, in order. */
    private static int[] tokenHashes(String text) {
        int length = Math.min(text.length(), MAX_CHARS);
        int[] out = new int[16];
        int count = 0;
        int i = 0;
        while (i < length) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int h = FNV_OFFSET;
                while (i < length && Character.isLetter(text.charAt(i))) {
                    h = (h ^ Character.toLowerCase(text.charAt(i))) * FNV_PRIME;
                    i++;
                }
                out = append(out, count++, h);
            } else if (Character.isDigit(c)) {
                int digits = 0;
                while (i < length && Character.isDigit(text.charAt(i))) {
                    digits++;
                    i++;
                }
                int h = (FNV_OFFSET ^ '#') * FNV_PRIME;
                out = append(out, count++, (h ^ Math.min(digits, 9)) * FNV_PRIME);
            } else {
                i++;
            }
        }
        return Arrays.copyOf(out, count);
    }

    private static int[] append(int[] a, int at, int v) {
        int[] out = at < a.length ? a : Arrays.copyOf(a, a.length * 2);
        out[at] = v;
        return out;
    }

    /** The murmur3 32-bit finalizer: spreads FNV's weak low bits over every bucket bit. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
