package org.brainfx.engine.net;

import java.nio.file.Path;
import java.util.List;

/**
 * A network built from its spec: compiled population models with their per-neuron values, spike
 * sources and generated synapses, ready for {@link NetworkSimulator}. Build once, run many times.
 *
 * @param buildSeconds wall time of {@link NetworkFactory#build}: model compilation and synapse generation
 */
public record Network(NetworkSpec spec, Path baseDir, List<BuiltPopulation> populations, List<SourceSpec> sources,
                      List<BuiltProjection> projections, double buildSeconds) {

    /** Total neurons (sources not counted). */
    public int neuronCount() {
        return populations.stream().mapToInt(BuiltPopulation::size).sum();
    }

    /** Total synapses. */
    public long synapseCount() {
        return projections.stream().mapToLong(p -> p.rows().synapseCount()).sum();
    }

    /** Bytes held by all synapse arrays. */
    public long synapseBytes() {
        return projections.stream().mapToLong(p -> p.rows().bytes()).sum();
    }

    /** Index of the population of that name, or -1. */
    public int populationIndex(String name) {
        for (int i = 0; i < populations.size(); i++) {
            if (populations.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The number of steps of the spec's duration. */
    public int steps() {
        return (int) Math.round(spec.duration() / spec.dt());
    }
}
