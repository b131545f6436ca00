package org.brainfx.engine.train;

/**
 * The arithmetic the BPTT and online passes share, so that both compute a step and a loss bit for bit
 * alike: the exponential-Euler factor 1 − e^(−y) and the softmax cross-entropy with its gradient.
 */
final class StepMath {
    private StepMath() {
    }

    /**
     * fraction = 1 − e^(−rate) for the first {@code count} entries: a degree-7 Taylor polynomial (relative
     * error < 1e-10 below 1/8, where dt·G/τ lies unless conductances reach ~12× the leak) in a loop that
     * vectorizes, then exp for the rare entries above 1/8 in a second, scalar loop.
     */
    static void oneMinusExp(float[] rate, float[] fraction, int count) {
        for (int k = 0; k < count; k++) {
            float y = Math.min(rate[k], 0.125f);
            fraction[k] = y * (1f - y * (0.5f - y * (1f / 6 - y * (1f / 24 - y * (1f / 120 - y * (1f / 720 - y * (1f / 5040)))))));
        }
        for (int k = 0; k < count; k++) {
            if (rate[k] > 0.125f) {
                fraction[k] = (float) -Math.expm1(-rate[k]);
            }
        }
    }

    /** Softmax cross-entropy of the {@code classes} logits at {@code off} against {@code label}. */
    static double crossEntropy(float[] logits, int off, int classes, int label) {
        double max = max(logits, off, classes);
        double sum = 0;
        for (int o = 0; o < classes; o++) {
            sum += Math.exp(logits[off + o] - max);
        }
        return max + Math.log(sum) - logits[off + label];
    }

    /** Adds {@code scale}·(softmax − one-hot(label)) of the logits at {@code off} into {@code out} at {@code outOff}. */
    static void addCrossEntropyGradient(float[] logits, int off, int classes, int label, float scale, float[] out,
                                        int outOff) {
        double max = max(logits, off, classes);
        double sum = 0;
        for (int o = 0; o < classes; o++) {
            sum += Math.exp(logits[off + o] - max);
        }
        for (int o = 0; o < classes; o++) {
            double p = Math.exp(logits[off + o] - max) / sum;
            out[outOff + o] += (float) (scale * (p - (o == label ? 1 : 0)));
        }
    }

    private static double max(float[] logits, int off, int classes) {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < classes; o++) {
            max = Math.max(max, logits[off + o]);
        }
        return max;
    }
}
