package org.brainfx.engine.loss;

import java.util.Arrays;
import org.brainfx.engine.grad.TrajectoryLoss;

/**
 * The gamma-factor loss ({@link GammaFactor#loss}) of each lane's spike train against its target
 * sweep, added at the last step. A metric: it passes no gradient, so use it with the
 * gradient-free optimizers or to report a fit.
 */
public final class GammaLoss implements TrajectoryLoss {
    private final double[][] targetTimes;
    private final int[] sweepOfLane;
    private final int steps;
    private final double dt;
    private final double delta;
    private final double weight;
    private int[][] spikes;
    private int[] counts;
    private double[] lastSpike;

    /**
     * @param targetSpikeSteps target spike steps per sweep
     * @param delta            coincidence window, ms (the reference uses 0.01 ms)
     */
    public GammaLoss(int[][] targetSpikeSteps, int[] sweepOfLane, int steps, double dt, double delta, double weight) {
        this.targetTimes = Arrays.stream(targetSpikeSteps).map(s -> GammaFactor.times(s, dt)).toArray(double[][]::new);
        this.sweepOfLane = sweepOfLane.clone();
        this.steps = steps;
        this.dt = dt;
        this.delta = delta;
        this.weight = weight;
    }

    @Override
    public void begin(int lanes, int steps) {
        spikes = new int[lanes][4];
        counts = new int[lanes];
        lastSpike = new double[lanes];
    }

    @Override
    public void forward(int step, double[][] state, double[] spike, double[] lossOut, int count, int firstLane) {
        for (int j = 0; j < count; j++) {
            int onsetLane = firstLane + j;
            boolean onset = spike[j] != 0 && lastSpike[onsetLane] == 0;
            lastSpike[onsetLane] = spike[j];
            // A spike is an event: a model without a reset stays above threshold for several steps.
            if (onset) {
                int lane = onsetLane;
                if (counts[lane] == spikes[lane].length) {
                    spikes[lane] = Arrays.copyOf(spikes[lane], counts[lane] * 2);
                }
                spikes[lane][counts[lane]++] = step;
            }
        }
        if (step == steps - 1) {
            for (int j = 0; j < count; j++) {
                int lane = firstLane + j;
                double[] model = GammaFactor.times(Arrays.copyOf(spikes[lane], counts[lane]), dt);
                lossOut[j] += weight * GammaFactor.loss(model, targetTimes[sweepOfLane[lane]], delta, steps * dt);
            }
        }
    }

    @Override
    public void backward(int step, double[][] state, double[] spike, double[][] adjState, double[] adjSpike, int count,
                         int firstLane) {
        // A metric: piecewise constant in the parameters.
    }
}
