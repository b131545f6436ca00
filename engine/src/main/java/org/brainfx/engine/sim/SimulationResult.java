package org.brainfx.engine.sim;

import java.util.List;

/**
 * What a simulation recorded: {@code traces[recorded state][lane][step]} (the value after each
 * step, internal units), the spike count per lane, and the final states {@code [state][lane]}.
 *
 * @param spikeSteps per lane, the steps at which an output spike began (consecutive spike steps count once)
 */
public record SimulationResult(int steps, double dt, List<String> recorded, double[][][] traces, int[][] spikeSteps,
                               double[][] finalState, double wallMillis) {

    /** The trace of a recorded state in one lane. */
    public double[] trace(String state, int lane) {
        int i = recorded.indexOf(state);
        if (i < 0) {
            throw new IllegalArgumentException("state '" + state + "' was not recorded; recorded: " + recorded);
        }
        return traces[i][lane];
    }

    /** Number of spikes in a lane. */
    public int spikeCount(int lane) {
        return spikeSteps[lane].length;
    }
}
