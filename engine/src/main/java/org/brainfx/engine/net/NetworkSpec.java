package org.brainfx.engine.net;

import java.util.List;

/**
 * A spiking network as data (the {@code network} of a network project): populations, spike sources,
 * projections, injected currents and monitors, the time step and duration (ms) and the seed from
 * which everything random (connectivity, weights, initial states, Poisson spikes) is drawn.
 * Build it in code with {@link NetworkBuilder}.
 */
public record NetworkSpec(String name, String description, Double dt, Double duration, Long seed,
                          List<PopulationSpec> populations, List<SourceSpec> sources, List<ProjectionSpec> projections,
                          List<CurrentSpec> currents, List<MonitorSpec> monitors) {
    /** Null lists become empty; dt defaults to 0.1 ms, duration to 1000 ms, seed to 1. */
    public NetworkSpec {
        populations = populations == null ? List.of() : List.copyOf(populations);
        sources = sources == null ? List.of() : List.copyOf(sources);
        projections = projections == null ? List.of() : List.copyOf(projections);
        currents = currents == null ? List.of() : List.copyOf(currents);
        monitors = monitors == null ? List.of() : List.copyOf(monitors);
        dt = dt == null ? 0.1 : dt;
        duration = duration == null ? 1000.0 : duration;
        seed = seed == null ? 1L : seed;
    }

    /** The population of that name, or null. */
    public PopulationSpec population(String populationName) {
        return populations.stream().filter(p -> p.name().equals(populationName)).findFirst().orElse(null);
    }

    /** The source of that name, or null. */
    public SourceSpec source(String sourceName) {
        return sources.stream().filter(s -> s.name().equals(sourceName)).findFirst().orElse(null);
    }
}
