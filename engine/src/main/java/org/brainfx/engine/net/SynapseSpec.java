package org.brainfx.engine.net;

import org.brainfx.engine.model.ModelSpec;

/**
 * A synapse model written as equations, in the neuron model language plus two lines:
 * {@code on_pre X += w} (what a presynaptic spike does on arrival, {@code w} the synapse's weight)
 * and {@code output expr} (its activation; the projection makes it a current {@code I += out} or a
 * conductance {@code I += out·(E − V)}). The synapse's states are in the weight's unit; a projection
 * merges them per post neuron and receptor (linear synapses sum), as Brian2 and BrainPy do.
 * A synapse without states (delta) jumps a state of the post neuron: {@code on_pre V += w}.
 *
 * @param dynamics the states, parameters and equations, as a model without spike or reset
 * @param onPre    the state increased by {@code w} on arrival (a synapse state, or {@code V}: the post neuron's voltage)
 * @param output   the activation as an expression of the synapse's states and parameters and the post's {@code V}, or null (delta)
 * @param unlessRefractory a jump ({@code on_pre V += w unless refractory}) is dropped while the post neuron is
 *                 refractory, as NEST and Brunel (2000) do; without it the jump lands on the held voltage, as
 *                 Brian2's {@code v += w} does
 */
public record SynapseSpec(String name, String description, ModelSpec dynamics, String onPre, String output,
                          boolean unlessRefractory) {

    /** True when the synapse has states of its own (false for a delta synapse). */
    public boolean hasStates() {
        return !dynamics.states().isEmpty();
    }
}
