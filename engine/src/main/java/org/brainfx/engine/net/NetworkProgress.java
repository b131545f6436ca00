package org.brainfx.engine.net;

import java.util.List;

/**
 * A snapshot of a running simulation: the step reached, and for each population the spikes since the
 * previous snapshot as parallel arrays of steps and neuron indices (monitored populations only).
 */
public record NetworkProgress(int step, int steps, double dt, List<String> populations, List<int[]> spikeSteps,
                              List<int[]> spikeNeurons) {
    /** Fraction done, 0..1. */
    public double fraction() {
        return steps == 0 ? 1 : step / (double) steps;
    }
}
