package org.brainfx.engine.grad;

/**
 * A scalar loss of a simulated trajectory, per lane, that can give its gradient with respect
 * to the states and output spike after each step. Arrays are indexed by a chunk-local lane
 * {@code j} in {@code [0, count)}, which is absolute lane {@code firstLane + j}; chunks are
 * disjoint and may run concurrently, so per-lane bookkeeping must be per absolute lane.
 */
public interface TrajectoryLoss {

    /** Called once before a pass over {@code lanes} lanes and {@code steps} steps. */
    default void begin(int lanes, int steps) {
    }

    /** Adds the loss of step {@code step} (states after the step) into {@code lossOut[j]}. */
    void forward(int step, double[][] state, double[] spike, double[] lossOut, int count, int firstLane);

    /**
     * Adds dLoss/d(state after step {@code step}) into {@code adjState} and dLoss/d(spike) into
     * {@code adjSpike}. Called once per step with {@code step} descending, after every
     * {@link #forward} call of the pass for these lanes.
     */
    void backward(int step, double[][] state, double[] spike, double[][] adjState, double[] adjSpike, int count,
                  int firstLane);
}
