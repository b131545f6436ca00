package org.brainfx.engine.sim;

/** Supplies the model's inputs for one step: fills {@code in[input][lane]} for the lanes {@code from..to-1}. */
@FunctionalInterface
public interface InputSource {
    /** Fills the inputs of step {@code step}; must be a pure function of its arguments (BPTT calls it twice). */
    void fill(int step, double[][] in, int from, int to);

    /** No input (all zero). */
    InputSource NONE = (step, in, from, to) -> { };
}
