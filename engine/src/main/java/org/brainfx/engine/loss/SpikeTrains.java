package org.brainfx.engine.loss;

/** Spike-train helpers: threshold-crossing detection on voltage traces. */
public final class SpikeTrains {
    private SpikeTrains() {
    }

    /** The rate of rise an action potential reaches around its threshold crossing, at least; mV/ms. */
    public static final double MIN_RISE_MV_PER_MS = 10;

    /**
     * Spikes of a recorded voltage trace: upward crossings of {@code thresholdMv} after which the
     * voltage stays above it for at least {@code minWidthMs} (a single-sample artifact is not an
     * action potential) and that rise at {@link #MIN_RISE_MV_PER_MS} or faster within 1 ms before
     * the crossing (a slow depolarization past the threshold is not one either), at most one per
     * {@code refractoryMs}.
     */
    public static int[] detect(double[] v, double dt, double thresholdMv, double minWidthMs, double refractoryMs) {
        int minAbove = Math.max(1, (int) Math.ceil(minWidthMs / dt));
        int look = Math.max(1, (int) Math.round(1 / dt));
        int[] candidates = crossings(v, thresholdMv, Math.max(1, (int) Math.ceil(refractoryMs / dt)));
        return java.util.Arrays.stream(candidates).filter(t -> {
            for (int k = 0; k < minAbove; k++) {
                if (t + k >= v.length || v[t + k] < thresholdMv) {
                    return false;
                }
            }
            double fastest = 0;
            for (int k = Math.max(1, t - look); k <= t; k++) {
                fastest = Math.max(fastest, (v[k] - v[k - 1]) / dt);
            }
            return fastest >= MIN_RISE_MV_PER_MS;
        }).toArray();
    }

    /**
     * Steps at which {@code v} crosses {@code threshold} upwards (a sample at or above it whose
     * predecessor was below), at most one per {@code refractorySteps}.
     */
    public static int[] crossings(double[] v, double threshold, int refractorySteps) {
        int[] out = new int[8];
        int n = 0;
        int last = Integer.MIN_VALUE / 2;
        for (int t = 1; t < v.length; t++) {
            if (v[t] >= threshold && v[t - 1] < threshold && t - last >= refractorySteps) {
                if (n == out.length) {
                    out = java.util.Arrays.copyOf(out, n * 2);
                }
                out[n++] = t;
                last = t;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}
