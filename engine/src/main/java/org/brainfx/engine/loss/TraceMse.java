package org.brainfx.engine.loss;

import org.brainfx.engine.grad.TrajectoryLoss;

/**
 * Mean squared error between one state (usually the membrane potential) and a target trace,
 * at every {@code every}-th step starting at step 0 — the reference's "potential" loss when
 * {@code every = T/100}. Lane {@code l} is compared with target sweep {@code sweepOfLane[l]};
 * its loss is the mean over its sampled steps, optionally only inside a window of steps and
 * with a weight per sweep.
 */
public final class TraceMse implements TrajectoryLoss {
    private final int state;
    private final double[][] targets;
    private final int[] sweepOfLane;
    private final int every;
    private final int steps;
    private final double weight;
    private final int from;
    private final int to;
    private final double[] sweepWeight;

    /**
     * @param state       index of the compared state
     * @param targets     {@code [sweep][step]} target values, internal units
     * @param sweepOfLane target sweep of each lane
     * @param every       compare at steps 0, every, 2·every, … (1 compares all)
     * @param steps       number of simulated steps (the samples used are those below it)
     */
    public TraceMse(int state, double[][] targets, int[] sweepOfLane, int every, int steps) {
        this(state, targets, sweepOfLane, every, steps, 1.0);
    }

    /** As above, with the whole term multiplied by {@code scale}. */
    public TraceMse(int state, double[][] targets, int[] sweepOfLane, int every, int steps, double scale) {
        this(state, targets, sweepOfLane, every, steps, scale, new int[] {0, steps}, null);
    }

    /**
     * As above, comparing only the sampled steps in {@code window} ({@code [from, to)}) and
     * weighting sweep {@code s} by {@code sweepWeights[s]} (null: all 1).
     */
    public TraceMse(int state, double[][] targets, int[] sweepOfLane, int every, int steps, double scale, int[] window,
                    double[] sweepWeights) {
        if (every < 1) {
            throw new IllegalArgumentException("sampling interval must be at least 1 step, got " + every);
        }
        for (double[] t : targets) {
            if (t.length < steps) {
                throw new IllegalArgumentException("a target trace has " + t.length + " samples but " + steps
                        + " steps are simulated");
            }
        }
        this.state = state;
        this.targets = targets;
        this.sweepOfLane = sweepOfLane.clone();
        this.every = every;
        this.steps = steps;
        this.from = Math.max(0, window[0]);
        this.to = Math.min(steps, window[1]);
        int first = (from + every - 1) / every * every;
        int samples = Math.max(1, to > first ? (to - first + every - 1) / every : 0);
        this.weight = scale / samples;
        this.sweepWeight = sweepWeights == null ? null : sweepWeights.clone();
        if (sweepWeight != null && sweepWeight.length != targets.length) {
            throw new IllegalArgumentException("got " + sweepWeight.length + " sweep weights for " + targets.length
                    + " sweeps; give one weight per sweep");
        }
    }

    @Override
    public void forward(int step, double[][] s, double[] spike, double[] lossOut, int count, int firstLane) {
        if (step % every != 0 || step < from || step >= to) {
            return;
        }
        double[] v = s[state];
        for (int j = 0; j < count; j++) {
            int sweep = sweepOfLane[firstLane + j];
            double d = v[j] - targets[sweep][step];
            lossOut[j] += weight * sweepWeight(sweep) * d * d;
        }
    }

    @Override
    public void backward(int step, double[][] s, double[] spike, double[][] adjState, double[] adjSpike, int count,
                         int firstLane) {
        if (step % every != 0 || step < from || step >= to) {
            return;
        }
        double[] v = s[state];
        double[] a = adjState[state];
        for (int j = 0; j < count; j++) {
            int sweep = sweepOfLane[firstLane + j];
            a[j] += 2 * weight * sweepWeight(sweep) * (v[j] - targets[sweep][step]);
        }
    }

    private double sweepWeight(int sweep) {
        return sweepWeight == null ? 1 : sweepWeight[sweep];
    }

    /** Number of steps this loss was built for. */
    public int steps() {
        return steps;
    }
}
