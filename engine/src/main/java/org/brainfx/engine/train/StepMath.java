package org.brainfx.engine.train;

/**
 * The arithmetic the BPTT and online passes share, so that both compute a step and a loss bit for bit
 * alike: the exponential-Euler factor 1 − e^(−y), the softmax cross-entropy with its gradient, and the
 * potential readout's standardization.
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

    /** The variance floor of the potential readout's standardization (jax.nn.standardize's ε). */
    static final float STANDARDIZE_EPSILON = 1e-5f;

    /**
     * The potential readout's input: x = (m − mean m)/σ over the {@code n} potentials at {@code off},
     * m = (V − V_th)/V_th, σ = sqrt(var m + ε), written at {@code out[outOff …]}; returns 1/(V_th·σ),
     * dx_k/dV_k with σ held constant.
     */
    static float standardize(float[] v, int off, int n, float vth, float[] out, int outOff) {
        float inv = 1f / vth;
        float sum = 0f;
        for (int k = 0; k < n; k++) {
            float m = (v[off + k] - vth) * inv;
            out[outOff + k] = m;
            sum += m;
        }
        float mean = sum / n;
        float squares = 0f;
        for (int k = 0; k < n; k++) {
            float d = out[outOff + k] - mean;
            out[outOff + k] = d;
            squares += d * d;
        }
        float invSigma = (float) (1 / Math.sqrt(squares / n + STANDARDIZE_EPSILON));
        for (int k = 0; k < n; k++) {
            out[outOff + k] *= invSigma;
        }
        return invSigma * inv;
    }

    /** r[rOff + o] += Σ_k x[xOff + k]·w[k·outputs + o], k ascending (the readout's product, in one order for both passes). */
    static void addReadout(float[] x, int xOff, int n, float[] w, int outputs, float[] r, int rOff) {
        for (int k = 0; k < n; k++) {
            float xk = x[xOff + k];
            for (int o = 0; o < outputs; o++) {
                r[rOff + o] += xk * w[k * outputs + o];
            }
        }
    }

    /** Subtracts the mean of the {@code n} values at {@code off} (the standardization's centering, for its gradient). */
    static void center(float[] x, int off, int n) {
        float sum = 0f;
        for (int k = 0; k < n; k++) {
            sum += x[off + k];
        }
        float mean = sum / n;
        for (int k = 0; k < n; k++) {
            x[off + k] -= mean;
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
