package org.brainfx.engine.net.connectome;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.ValueSpec;

/**
 * A connectome whose nodes are neurons, made a network: one population per group of neurons (by a
 * node attribute such as the cell type, or by named lists), one explicit projection per layer and
 * pair of populations with weight = synapse count × {@code weightScale} and the sign of the
 * presynaptic group, and symmetric layers (gap junctions) as electrical coupling of conductance
 * count × {@code gapScale}. File names are relative to the project (see {@link ConnectomeFiles}).
 *
 * @param file              the connectome file (edge list, matrix, .npy/.npz, .mat)
 * @param labels            a labels file (one label per node), or null
 * @param attributes        a node attribute table, or null
 * @param edgeTypes         how typed edge-list rows become layers, e.g. {@code chemical=S+Sp,electrical=EJ:symmetric};
 *                          null: the reader's default
 * @param dropSelfLoops     leave out connections from a neuron to itself (default true)
 * @param groupBy           the node attribute naming each neuron's population ({@code type}, {@code neurotransmitter},
 *                          …); null: the named lists in {@code groups}
 * @param groups            population → neuron names, used when {@code groupBy} is null; neurons in no list
 *                          form the population {@code otherGroup}
 * @param otherGroup        the population of the neurons in no list (default {@code other})
 * @param signs             population → +1 (excitatory), −1 (inhibitory) or 0 (modulatory: its chemical
 *                          synapses are left out of the fast network); every population needs one
 * @param model             the neuron model of every population
 * @param initial           initial states of every neuron
 * @param weightScale       weight per synapse counted (in the synapse state's unit)
 * @param pathwayScales     factors on {@code weightScale} for single pathways, keyed {@code PRE->POST} by population
 *                          names (e.g. {@code "K->K": 0.2}); a pathway not listed keeps factor 1
 * @param gapScale          conductance per gap junction counted
 * @param synapse           the chemical synapse ({@code exp}, {@code delta}, …; default {@code exp})
 * @param synapseParameters its parameters
 * @param delay             the chemical synaptic delay in ms (null: none)
 * @param inputs            stimuli to named neurons or populations
 * @param dt                time step in ms
 * @param duration          run duration in ms
 * @param seed              the network's seed
 * @param delimiter         the separator of a text connectome's fields ({@code ","}, {@code "\t"}, {@code ";"},
 *                          {@code " "} for runs of blanks, …); null: found from the file
 * @param header            whether a text connectome's first row is a header; null: found from the file
 */
public record NeuronMapping(String file, String labels, String attributes, String edgeTypes, Boolean dropSelfLoops,
                            String groupBy, Map<String, List<String>> groups, String otherGroup,
                            Map<String, Double> signs, NeuronRef model, Map<String, ValueSpec> initial,
                            Double weightScale, Map<String, Double> pathwayScales, Double gapScale, String synapse, Map<String, Double> synapseParameters,
                            Double delay, List<NeuronInput> inputs, Double dt, Double duration, Long seed,
                            String delimiter, Boolean header) {

    /** Null collections become empty (keeping the order of maps); defaults fill the rest. */
    public NeuronMapping {
        groups = ordered(groups);
        signs = ordered(signs);
        pathwayScales = ordered(pathwayScales);
        initial = ordered(initial);
        synapseParameters = ordered(synapseParameters);
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        otherGroup = otherGroup == null ? "other" : otherGroup;
        dropSelfLoops = dropSelfLoops == null ? Boolean.TRUE : dropSelfLoops;
        weightScale = weightScale == null ? 1.0 : weightScale;
        gapScale = gapScale == null ? 0.0 : gapScale;
        synapse = synapse == null ? "exp" : synapse;
    }

    private static <K, V> Map<K, V> ordered(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
