package org.brainfx.engine.grad;

/**
 * Loss and exact gradients of one reverse-mode pass, per lane: {@code gradParameters[p][lane]}
 * (every parameter, trainable or not) and {@code gradInitialState[state][lane]}, in internal units.
 *
 * @param checkpointed    true when states were recomputed from checkpoints rather than all stored
 * @param gradientDropped per lane, true when a lenient pass kept the lane's (finite) loss but its
 *                        adjoint overflowed, so its gradients are 0 rather than informative
 */
public record GradientResult(double[] loss, double[][] gradParameters, double[][] gradInitialState, double wallMillis,
                             boolean checkpointed, boolean[] gradientDropped) {

    /** Lanes whose gradient a lenient pass dropped (see {@link Bptt#lenient}). */
    public int droppedLanes() {
        int n = 0;
        for (boolean d : gradientDropped) {
            if (d) {
                n++;
            }
        }
        return n;
    }

    /** The sum of the lanes' losses. */
    public double totalLoss() {
        double s = 0;
        for (double v : loss) {
            s += v;
        }
        return s;
    }
}
