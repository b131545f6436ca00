package org.brainfx.engine.loss;

import org.brainfx.engine.grad.TrajectoryLoss;

/**
 * Squared error of the spike count, {@code w·(Σ_t z_t − n_target)²}, differentiable through the
 * output spikes' surrogate gradient. It counts spike outputs, which for models with a reset are
 * single steps; for a model without one (HH) it counts the steps spent above threshold, so use
 * the gamma or feature terms there.
 */
public final class SpikeCountLoss implements TrajectoryLoss {
    private final int[] targetCount;
    private final int[] sweepOfLane;
    private final int steps;
    private final double weight;
    private double[] count;

    /**
     * @param targetCount spike count of each target sweep
     * @param sweepOfLane target sweep of each lane
     */
    public SpikeCountLoss(int[] targetCount, int[] sweepOfLane, int steps, double weight) {
        this.targetCount = targetCount.clone();
        this.sweepOfLane = sweepOfLane.clone();
        this.steps = steps;
        this.weight = weight;
    }

    @Override
    public void begin(int lanes, int steps) {
        count = new double[lanes];
    }

    @Override
    public void forward(int step, double[][] state, double[] spike, double[] lossOut, int count, int firstLane) {
        for (int j = 0; j < count; j++) {
            this.count[firstLane + j] += spike[j];
        }
        if (step == steps - 1) {
            for (int j = 0; j < count; j++) {
                double d = this.count[firstLane + j] - targetCount[sweepOfLane[firstLane + j]];
                lossOut[j] += weight * d * d;
            }
        }
    }

    @Override
    public void backward(int step, double[][] state, double[] spike, double[][] adjState, double[] adjSpike, int count,
                         int firstLane) {
        for (int j = 0; j < count; j++) {
            adjSpike[j] += 2 * weight * (this.count[firstLane + j] - targetCount[sweepOfLane[firstLane + j]]);
        }
    }
}
