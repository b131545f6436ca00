package org.brainfx.engine.net;

import java.util.List;

/**
 * A group of spike generators that projections can start from: {@code poisson} (independent Poisson
 * trains at {@code rateHz}, or piecewise constant rates from {@code schedule} = [[from ms, Hz], …])
 * or {@code spike_times} ({@code spikes} = [[neuron, t ms], …]).
 */
public record SourceSpec(String name, String kind, int size, Double rateHz, List<List<Double>> schedule,
                         List<List<Double>> spikes) {

    /** Independent Poisson trains at a constant rate. */
    public static SourceSpec poisson(String name, int size, double rateHz) {
        return new SourceSpec(name, "poisson", size, rateHz, null, null);
    }
}
