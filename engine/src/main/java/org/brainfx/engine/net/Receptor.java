package org.brainfx.engine.net;

import java.util.Map;

/**
 * The merged state of one kind of synapse on a population: every projection with the same receptor
 * name adds into the same states (linear synapses sum), so the states are per post neuron, not per synapse.
 *
 * @param name       suffix of the merged names ({@code g} of receptor {@code e} becomes {@code g_e})
 * @param synapse    the synapse model
 * @param parameters values of its parameters (declared units)
 * @param conductance true for {@code out·(E − V)}, false for a current {@code out}
 * @param reversal   E in mV (conductance only)
 * @param target     the post model's input it feeds
 */
record Receptor(String name, SynapseSpec synapse, Map<String, Double> parameters, boolean conductance, double reversal,
                String target) {
}
