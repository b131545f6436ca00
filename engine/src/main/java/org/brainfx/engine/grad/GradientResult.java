package org.brainfx.engine.grad;

/**
 * Loss and exact gradients of one reverse-mode pass, per lane: {@code gradParameters[p][lane]}
 * (every parameter, trainable or not) and {@code gradInitialState[state][lane]}, in internal units.
 *
 * @param checkpointed true when states were recomputed from checkpoints rather than all stored
 */
public record GradientResult(double[] loss, double[][] gradParameters, double[][] gradInitialState, double wallMillis,
                             boolean checkpointed) {

    /** The sum of the lanes' losses. */
    public double totalLoss() {
        double s = 0;
        for (double v : loss) {
            s += v;
        }
        return s;
    }
}
