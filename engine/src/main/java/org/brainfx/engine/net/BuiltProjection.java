package org.brainfx.engine.net;

/**
 * A projection ready to run: its synapses, where they come from (a population or, when
 * {@code fromSource}, a spike source, by index), the post population, the post state each spike
 * increases, the sign applied to the weight magnitudes, and whether spikes arriving at a refractory
 * post neuron are dropped. Gap junctions ({@link #isGapJunction()}) carry no spikes: each couples
 * the two neurons' voltages through the inputs {@code preInput} and {@code postInput}. {@code plasticity}
 * is the synapses' short-term plasticity, or null.
 */
public record BuiltProjection(String name, int pre, boolean fromSource, int post, int targetState, float sign,
                              SparseRows rows, boolean trainable, boolean unlessRefractory, int preInput, int postInput,
                              PlasticitySpec plasticity) {

    /** True for electrical coupling rather than chemical synapses. */
    public boolean isGapJunction() {
        return targetState < 0;
    }
}
