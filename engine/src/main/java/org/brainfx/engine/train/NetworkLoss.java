package org.brainfx.engine.train;

/**
 * A scalar loss of a network run that gives its gradient with respect to each population's states
 * after every step and its spikes of that step, for {@link NetworkBptt}.
 */
public interface NetworkLoss {
    /** The loss of step {@code step} for population {@code population}: states after the step ({@code [state][neuron]}) and its spikes. */
    double forward(int step, int population, double[][] state, double[] spike);

    /**
     * Adds dLoss/d(state after step) into {@code adjState} and dLoss/d(spike) into {@code adjSpike}
     * for that step and population; called with steps descending after the whole forward pass.
     */
    void backward(int step, int population, double[][] state, double[] spike, double[][] adjState, double[] adjSpike);
}
