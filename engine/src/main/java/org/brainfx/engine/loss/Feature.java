package org.brainfx.engine.loss;

import java.util.List;

/**
 * Electrophysiological features of one sweep's voltage trace, computed the same way for the
 * target and for the model. Differentiable features return their gradient with respect to
 * every sample of the trace; metric-only features (spike timing, width) return none.
 */
public enum Feature {
    /** Mean voltage in the window (mV). Differentiable. */
    RESTING_POTENTIAL("resting_potential", true),
    /** (mean V in window − mean V in baseline) / (mean I in window − mean I in baseline), MΩ. Differentiable. */
    INPUT_RESISTANCE("input_resistance", true),
    /** Highest voltage in the window (mV). Differentiable almost everywhere (at its sample). */
    AP_PEAK("ap_peak", true),
    /**
     * Time from the window's start to the first spike (ms; the window length when there is none). Metric only
     * here, on spike steps; a fit's {@code first_spike_latency} term is {@link SpikeTimeLoss}'s, on interpolated
     * spike times, with a gradient.
     */
    FIRST_SPIKE_LATENCY("first_spike_latency", false),
    /** Mean interspike interval in the window (ms; the window length with fewer than two spikes). Metric only. */
    MEAN_ISI("mean_isi", false),
    /** Mean time per spike spent above the width level, −20 mV (ms). Metric only. */
    AP_WIDTH("ap_width", false);

    /** Voltage above which a spike counts towards {@link #AP_WIDTH}, mV. */
    public static final double WIDTH_LEVEL_MV = -20;

    private final String key;
    private final boolean differentiable;

    Feature(String key, boolean differentiable) {
        this.key = key;
        this.differentiable = differentiable;
    }

    /** The name used in project files. */
    public String key() {
        return key;
    }

    /** True when the feature passes a gradient. */
    public boolean differentiable() {
        return differentiable;
    }

    /** The feature of that project-file name, or null. */
    public static Feature of(String key) {
        for (Feature f : values()) {
            if (f.key.equals(key)) {
                return f;
            }
        }
        return null;
    }

    /** Names of all features. */
    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(Feature::key).toList();
    }

    /** A feature value and, for differentiable features, its gradient with respect to each sample (else null). */
    public record Value(double value, double[] gradient) { }

    /**
     * Computes the feature.
     *
     * @param v        voltage after each step, mV
     * @param stimulus input of each step (nA), used by {@link #INPUT_RESISTANCE}
     * @param spikes   steps at which spikes begin
     * @param window   {@code [from, to)} steps the feature looks at
     * @param baseline {@code [from, to)} steps of the baseline ({@link #INPUT_RESISTANCE} only)
     */
    public Value compute(double[] v, double[] stimulus, int[] spikes, int[] window, int[] baseline, double dt) {
        int from = window[0];
        int to = window[1];
        int n = Math.max(1, to - from);
        switch (this) {
            case RESTING_POTENTIAL -> {
                double sum = 0;
                double[] g = new double[v.length];
                for (int t = from; t < to; t++) {
                    sum += v[t];
                    g[t] = 1.0 / n;
                }
                return new Value(sum / n, g);
            }
            case INPUT_RESISTANCE -> {
                int nb = Math.max(1, baseline[1] - baseline[0]);
                double vw = 0;
                double iw = 0;
                double vb = 0;
                double ib = 0;
                for (int t = from; t < to; t++) {
                    vw += v[t];
                    iw += stimulus[t];
                }
                for (int t = baseline[0]; t < baseline[1]; t++) {
                    vb += v[t];
                    ib += stimulus[t];
                }
                double di = iw / n - ib / nb;
                double[] g = new double[v.length];
                if (Math.abs(di) < 1e-9) {
                    return new Value(0, g);
                }
                for (int t = from; t < to; t++) {
                    g[t] += 1.0 / (n * di);
                }
                for (int t = baseline[0]; t < baseline[1]; t++) {
                    g[t] -= 1.0 / (nb * di);
                }
                return new Value((vw / n - vb / nb) / di, g);
            }
            case AP_PEAK -> {
                int arg = from;
                for (int t = from; t < to; t++) {
                    if (v[t] > v[arg]) {
                        arg = t;
                    }
                }
                double[] g = new double[v.length];
                g[arg] = 1;
                return new Value(v[arg], g);
            }
            case FIRST_SPIKE_LATENCY -> {
                for (int s : spikes) {
                    if (s >= from && s < to) {
                        return new Value((s - from) * dt, null);
                    }
                }
                return new Value(n * dt, null);
            }
            case MEAN_ISI -> {
                int first = -1;
                int last = -1;
                int count = 0;
                for (int s : spikes) {
                    if (s >= from && s < to) {
                        first = first < 0 ? s : first;
                        last = s;
                        count++;
                    }
                }
                return new Value(count < 2 ? n * dt : (last - first) * dt / (count - 1), null);
            }
            default -> {
                int above = 0;
                int count = 0;
                for (int s : spikes) {
                    if (s >= from && s < to) {
                        count++;
                    }
                }
                for (int t = from; t < to; t++) {
                    if (v[t] > WIDTH_LEVEL_MV) {
                        above++;
                    }
                }
                return new Value(count == 0 ? 0 : above * dt / count, null);
            }
        }
    }
}
