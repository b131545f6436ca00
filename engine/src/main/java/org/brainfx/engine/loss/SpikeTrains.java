package org.brainfx.engine.loss;

/** Spike-train helpers: threshold-crossing detection on voltage traces. */
public final class SpikeTrains {
    private SpikeTrains() {
    }

    /**
     * Spikes of a recorded voltage trace: upward crossings of {@code thresholdMv} after which the
     * voltage stays above it for at least {@code minWidthMs} (a single-sample artifact is not an
     * action potential), at most one per {@code refractoryMs}.
     */
    public static int[] detect(double[] v, double dt, double thresholdMv, double minWidthMs, double refractoryMs) {
        int minAbove = Math.max(1, (int) Math.ceil(minWidthMs / dt));
        int[] candidates = crossings(v, thresholdMv, Math.max(1, (int) Math.ceil(refractoryMs / dt)));
        return java.util.Arrays.stream(candidates).filter(t -> {
            for (int k = 0; k < minAbove; k++) {
                if (t + k >= v.length || v[t + k] < thresholdMv) {
                    return false;
                }
            }
            return true;
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
