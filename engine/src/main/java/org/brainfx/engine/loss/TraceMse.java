package org.brainfx.engine.loss;

import org.brainfx.engine.grad.TrajectoryLoss;

/**
 * Mean squared error between one state (usually the membrane potential) and a target trace,
 * at every {@code every}-th step starting at step 0 — the reference's "potential" loss when
 * {@code every = T/100}. Lane {@code l} is compared with target sweep {@code sweepOfLane[l]};
 * its loss is the mean over its sampled steps.
 */
public final class TraceMse implements TrajectoryLoss {
    private final int state;
    private final double[][] targets;
    private final int[] sweepOfLane;
    private final int every;
    private final int steps;
    private final double weight;

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
        this.weight = scale / ((steps + every - 1) / every);
    }

    @Override
    public void forward(int step, double[][] s, double[] spike, double[] lossOut, int count, int firstLane) {
        if (step % every != 0) {
            return;
        }
        double[] v = s[state];
        for (int j = 0; j < count; j++) {
            double d = v[j] - targets[sweepOfLane[firstLane + j]][step];
            lossOut[j] += weight * d * d;
        }
    }

    @Override
    public void backward(int step, double[][] s, double[] spike, double[][] adjState, double[] adjSpike, int count,
                         int firstLane) {
        if (step % every != 0) {
            return;
        }
        double[] v = s[state];
        double[] a = adjState[state];
        for (int j = 0; j < count; j++) {
            a[j] += 2 * weight * (v[j] - targets[sweepOfLane[firstLane + j]][step]);
        }
    }

    /** Number of steps this loss was built for. */
    public int steps() {
        return steps;
    }
}
