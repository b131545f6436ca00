package org.brainfx.engine.loss;

import org.brainfx.engine.grad.TrajectoryLoss;

/**
 * The squared error of one {@link Feature} of the model's voltage against the same feature of the
 * target sweep, {@code w·(f − f*)²}. The voltage and spikes of each lane are kept during the
 * forward pass and the feature computed at its end; differentiable features pass
 * {@code 2w(f − f*)·∂f/∂V_t} back at every step, metric-only ones nothing.
 */
public final class FeatureLoss implements TrajectoryLoss {
    private final Feature feature;
    private final int state;
    private final double[] targetValue;
    private final double[][] stimulus;
    private final int[] sweepOfLane;
    private final int[] window;
    private final int[] baseline;
    private final double dt;
    private final int steps;
    private final double weight;
    private double[][] trace;
    private double[][] spikeFlags;
    private double[] lastSpike;
    private double[] error;
    private double[][] gradient;

    /**
     * @param targetTrace  target voltage per sweep (mV)
     * @param targetSpikes target spike steps per sweep
     * @param stimulus     input per sweep (nA)
     * @param window       {@code [from, to)} steps
     * @param baseline     {@code [from, to)} baseline steps (input resistance)
     */
    public FeatureLoss(Feature feature, int state, double[][] targetTrace, int[][] targetSpikes, double[][] stimulus,
                       int[] sweepOfLane, int[] window, int[] baseline, double dt, int steps, double weight) {
        this.feature = feature;
        this.state = state;
        this.stimulus = stimulus;
        this.sweepOfLane = sweepOfLane.clone();
        this.window = window.clone();
        this.baseline = baseline.clone();
        this.dt = dt;
        this.steps = steps;
        this.weight = weight;
        this.targetValue = new double[targetTrace.length];
        for (int s = 0; s < targetTrace.length; s++) {
            targetValue[s] = feature.compute(targetTrace[s], stimulus[s], targetSpikes[s], window, baseline, dt).value();
        }
    }

    /** The target's feature value on each sweep. */
    public double[] targetValues() {
        return targetValue.clone();
    }

    @Override
    public void begin(int lanes, int steps) {
        trace = new double[lanes][steps];
        spikeFlags = new double[lanes][];
        lastSpike = new double[lanes];
        error = new double[lanes];
        gradient = new double[lanes][];
    }

    @Override
    public void forward(int step, double[][] s, double[] spike, double[] lossOut, int count, int firstLane) {
        for (int j = 0; j < count; j++) {
            int lane = firstLane + j;
            trace[lane][step] = s[state][j];
            // Spikes are events: only the first step of a run of spike outputs counts.
            if (spike[j] != 0 && lastSpike[lane] == 0) {
                markSpike(lane, step);
            }
            lastSpike[lane] = spike[j];
        }
        if (step != steps - 1) {
            return;
        }
        for (int j = 0; j < count; j++) {
            int lane = firstLane + j;
            int sweep = sweepOfLane[lane];
            Feature.Value f = feature.compute(trace[lane], stimulus[sweep], spikes(lane), window, baseline, dt);
            error[lane] = f.value() - targetValue[sweep];
            gradient[lane] = f.gradient();
            lossOut[j] += weight * error[lane] * error[lane];
        }
    }

    @Override
    public void backward(int step, double[][] s, double[] spike, double[][] adjState, double[] adjSpike, int count,
                         int firstLane) {
        for (int j = 0; j < count; j++) {
            int lane = firstLane + j;
            double[] g = gradient[lane];
            if (g != null && g[step] != 0) {
                adjState[state][j] += 2 * weight * error[lane] * g[step];
            }
        }
    }

    private void markSpike(int lane, int step) {
        if (spikeFlags[lane] == null) {
            spikeFlags[lane] = new double[steps];
        }
        spikeFlags[lane][step] = 1;
    }

    private int[] spikes(int lane) {
        double[] f = spikeFlags[lane];
        if (f == null) {
            return new int[0];
        }
        return java.util.stream.IntStream.range(0, steps).filter(t -> f[t] != 0).toArray();
    }
}
