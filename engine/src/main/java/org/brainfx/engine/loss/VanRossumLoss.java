package org.brainfx.engine.loss;

import org.brainfx.engine.grad.TrajectoryLoss;

/**
 * The van Rossum distance between model and target spike trains: both filtered by an
 * exponential kernel of time constant τ, {@code f_t = f_{t−1}·e^{−dt/τ} + z_t}, and
 * {@code w·Σ_t (f_t − g_t)²·dt/τ}; differentiable through the output spikes' surrogate gradient.
 */
public final class VanRossumLoss implements TrajectoryLoss {
    private final double[][] targetFiltered;
    private final int[] sweepOfLane;
    private final double decay;
    private final double scale;
    private double[][] filtered;
    private double[] carry;

    /**
     * @param targetSpikeSteps target spike steps of each sweep
     * @param steps            simulated steps
     * @param dt               time step, ms
     * @param tau              kernel time constant, ms
     */
    public VanRossumLoss(int[][] targetSpikeSteps, int[] sweepOfLane, int steps, double dt, double tau, double weight) {
        if (!(tau > 0)) {
            throw new IllegalArgumentException("van Rossum tau must be positive, got " + tau);
        }
        this.sweepOfLane = sweepOfLane.clone();
        this.decay = Math.exp(-dt / tau);
        this.scale = weight * dt / tau;
        targetFiltered = new double[targetSpikeSteps.length][steps];
        for (int s = 0; s < targetSpikeSteps.length; s++) {
            double[] spikes = new double[steps];
            for (int t : targetSpikeSteps[s]) {
                if (t < steps) {
                    spikes[t] += 1;
                }
            }
            double f = 0;
            for (int t = 0; t < steps; t++) {
                f = f * decay + spikes[t];
                targetFiltered[s][t] = f;
            }
        }
    }

    @Override
    public void begin(int lanes, int steps) {
        filtered = new double[lanes][steps];
        carry = new double[lanes];
    }

    @Override
    public void forward(int step, double[][] state, double[] spike, double[] lossOut, int count, int firstLane) {
        for (int j = 0; j < count; j++) {
            int lane = firstLane + j;
            double f = (step == 0 ? 0 : filtered[lane][step - 1] * decay) + spike[j];
            filtered[lane][step] = f;
            double d = f - targetFiltered[sweepOfLane[lane]][step];
            lossOut[j] += scale * d * d;
        }
    }

    @Override
    public void backward(int step, double[][] state, double[] spike, double[][] adjState, double[] adjSpike, int count,
                         int firstLane) {
        for (int j = 0; j < count; j++) {
            int lane = firstLane + j;
            // r_t = dL/df_t + decay·r_{t+1}; z_t enters f_t with weight 1.
            double r = 2 * scale * (filtered[lane][step] - targetFiltered[sweepOfLane[lane]][step])
                    + (step == filtered[lane].length - 1 ? 0 : decay * carry[lane]);
            carry[lane] = r;
            adjSpike[j] += r;
        }
    }
}
