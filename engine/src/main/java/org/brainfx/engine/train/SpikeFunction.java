package org.brainfx.engine.train;

/**
 * The spike nonlinearity of a trained network and its pseudo-derivative, on the scaled distance to
 * threshold x = (V − V_th)/V_th: either the Heaviside step H(x ≥ 0) whose backward pass uses the
 * ReLU surrogate α·max(width − |x|, 0) (brainstate's {@code ReluGrad}, the reference's choice), or
 * a smooth sigmoid σ(k·x) used forward and backward alike, so that the loss is differentiable and
 * gradients can be checked against finite differences.
 *
 * @param smooth    true for the sigmoid forward pass
 * @param alpha     the ReLU surrogate's height (0.3 in the reference)
 * @param width     the ReLU surrogate's half-width in x (1 in the reference)
 * @param sharpness the sigmoid's slope k
 */
public record SpikeFunction(boolean smooth, double alpha, double width, double sharpness) {
    private static final float STEEP = 0x1p100f;

    /** Checks the constants. */
    public SpikeFunction {
        if (!(alpha > 0) || !(width > 0) || !(sharpness > 0)) {
            throw new IllegalArgumentException("spike function needs alpha, width and sharpness > 0, got alpha " + alpha
                    + ", width " + width + ", sharpness " + sharpness);
        }
    }

    /** The reference's Heaviside spike with the ReLU surrogate α 0.3, width 1. */
    public static SpikeFunction reluSurrogate() {
        return new SpikeFunction(false, 0.3, 1, 1);
    }

    /** A smooth spike σ(k·x) for gradient checks. */
    public static SpikeFunction sigmoid(double sharpness) {
        return new SpikeFunction(true, 1, 1, sharpness);
    }

    /** The spike emitted at scaled distance {@code x} from threshold. */
    public float value(float x) {
        if (smooth) {
            return (float) (1 / (1 + Math.exp(-sharpness * x)));
        }
        return x >= 0 ? 1f : 0f;
    }

    /** The (pseudo-)derivative of the spike with respect to x. */
    public float slope(float x) {
        if (smooth) {
            double s = 1 / (1 + Math.exp(-sharpness * x));
            return (float) (sharpness * s * (1 - s));
        }
        double d = width - Math.abs(x);
        return d > 0 ? (float) (alpha * d) : 0f;
    }

    /**
     * The spikes of the first {@code count} potentials against threshold {@code vth} into {@code out}. The
     * step is min(1, max(0, (V − V_th)·2^100 + 1)): exactly 1 at and above threshold, 0 below (a float below
     * a positive threshold differs from it by at least half its ulp), NaN for NaN, and free of the
     * conditional that stops the loop from vectorizing.
     */
    public void values(float[] potentials, int count, float vth, float[] out) {
        if (smooth) {
            for (int k = 0; k < count; k++) {
                out[k] = value((potentials[k] - vth) / vth);
            }
            return;
        }
        for (int k = 0; k < count; k++) {
            out[k] = Math.min(1f, Math.max(0f, (potentials[k] - vth) * STEEP + 1f));
        }
    }

    /** dz/dV of the first {@code count} potentials into {@code out}: the (pseudo-)derivative over V_th. */
    public void slopes(float[] potentials, int count, float vth, float[] out) {
        float invVth = 1f / vth;
        if (smooth) {
            for (int k = 0; k < count; k++) {
                out[k] = slope((potentials[k] - vth) * invVth) * invVth;
            }
            return;
        }
        float height = (float) alpha;
        float half = (float) width;
        for (int k = 0; k < count; k++) {
            float x = (potentials[k] - vth) * invVth;
            out[k] = height * Math.max(half - Math.abs(x), 0f) * invVth;
        }
    }
}
