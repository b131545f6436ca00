package org.brainfx.engine.net;

import java.util.Map;

/**
 * Synapses from a presynaptic population or spike source to a postsynaptic population.
 *
 * @param synapse           a built-in synapse name ({@link SynapseLibrary}), a {@code .synapse} file, or
 *                          {@value #GAP_JUNCTION}: electrical coupling, each listed pair (i, j) adding
 *                          {@code g·(V_i − V_j)} to j's input and {@code g·(V_j − V_i)} to i's (list a pair
 *                          once; weights are conductances in the input's unit per voltage unit, µS for nA and mV)
 * @param synapseParameters values of the synapse model's parameters, in its declared units
 * @param output            {@code current} ({@code I += out}) or {@code conductance} ({@code I += out·(E − V)})
 * @param reversal          the reversal potential E in the post model's voltage unit, usually mV (conductance output only)
 * @param receptor          the receptor's name; projections onto one population that share it share
 *                          its states (default {@code e} from excitatory and {@code i} from inhibitory
 *                          populations, else the presynaptic name)
 * @param target            the post model's input the synapses feed (default: its first input)
 * @param weights           weight magnitudes (≥ 0) in the synapse state's unit
 * @param delays            delays in ms (null: none, i.e. delivered after the spike's step)
 * @param sign              the sign of a current-based or delta projection from a population of type
 *                          {@code other} or a spike source (default +1); excitatory is +1 and
 *                          inhibitory −1 by Dale's law, and a conductance's sign is its reversal potential
 * @param trainable         whether training may change the weights
 * @param plasticity        short-term plasticity of the synapses, or null for static synapses
 */
public record ProjectionSpec(String name, String pre, String post, String synapse, Map<String, Double> synapseParameters,
                             String output, Double reversal, String receptor, String target,
                             ConnectivitySpec connectivity, ValueSpec weights, ValueSpec delays, Double sign,
                             Boolean trainable, PlasticitySpec plasticity) {
    /** The synapse name of electrical coupling. */
    public static final String GAP_JUNCTION = "gap_junction";

    /** Null maps become empty; missing synapse and output default to {@code exp} and {@code current}. */
    public ProjectionSpec {
        synapseParameters = synapseParameters == null ? Map.of() : Map.copyOf(synapseParameters);
        synapse = synapse == null ? "exp" : synapse;
        output = output == null ? "current" : output;
    }

    /** True for electrical coupling. */
    public boolean gapJunction() {
        return GAP_JUNCTION.equals(synapse);
    }

    /** True for conductance output. */
    public boolean conductance() {
        return "conductance".equals(output);
    }
}
