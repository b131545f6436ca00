package org.brainfx.engine.net.connectome;

import java.util.List;

/**
 * A stimulus to named neurons of a connectome network: {@code step} (a current of {@code amplitude}
 * in the model input's unit from {@code start} to {@code stop} ms) or {@code poisson} (one Poisson
 * train per neuron at {@code rateHz}, or piecewise constant from {@code schedule} = [[from ms, Hz], …],
 * each spike a synapse of magnitude {@code weight} of the mapping's synapse type, excitatory).
 * The neurons are those listed in {@code neurons} plus every neuron of the populations in {@code groups}.
 */
public record NeuronInput(String name, String kind, List<String> neurons, List<String> groups, Double amplitude,
                          Double start, Double stop, Double rateHz, List<List<Double>> schedule, Double weight) {
    /** Null lists become empty. */
    public NeuronInput {
        neurons = neurons == null ? List.of() : List.copyOf(neurons);
        groups = groups == null ? List.of() : List.copyOf(groups);
    }
}
