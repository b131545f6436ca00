package org.brainfx.app.network;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.CurrentSpec;
import org.brainfx.engine.net.MonitorSpec;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.ValueSpec;

/**
 * The editor's changes to a network spec, as functions from one immutable spec to the next: add a
 * population, a Poisson input or a projection with sensible defaults, replace, rename or delete one.
 * A rename carries the name into the projections, currents and monitors that refer to it.
 */
public final class NetworkEdits {
    /** A new population's size. */
    public static final int DEFAULT_SIZE = 100;
    /** A new population's model (built in). */
    public static final String DEFAULT_MODEL = "lif";
    /** A new Poisson input's rate, Hz. */
    public static final double DEFAULT_RATE_HZ = 10;
    /** A new projection's connection probability. */
    public static final double DEFAULT_P = 0.1;
    /** A new projection's weight magnitude (in the synapse state's unit, nA for the built-in {@code exp}). */
    public static final double DEFAULT_WEIGHT = 0.1;

    private NetworkEdits() {
    }

    /** A name not used by a population or source: {@code prefix} followed by the first free number from 1. */
    public static String freeName(NetworkSpec spec, String prefix) {
        for (int i = 1; ; i++) {
            String n = prefix + i;
            if (!taken(spec, n)) {
                return n;
            }
        }
    }

    /** True when a population or source is called {@code name}. */
    public static boolean taken(NetworkSpec spec, String name) {
        return spec.population(name) != null || spec.source(name) != null;
    }

    /** {@code spec} with a new excitatory population of the default model and size. */
    public static NetworkSpec addPopulation(NetworkSpec spec, String name) {
        List<PopulationSpec> pops = new ArrayList<>(spec.populations());
        pops.add(new PopulationSpec(name, DEFAULT_SIZE, "excitatory", NeuronRef.builtin(DEFAULT_MODEL), null, null, null, null));
        return withPopulations(spec, pops);
    }

    /** {@code spec} with a new Poisson input at the default size and rate. */
    public static NetworkSpec addPoissonInput(NetworkSpec spec, String name) {
        List<SourceSpec> sources = new ArrayList<>(spec.sources());
        sources.add(SourceSpec.poisson(name, DEFAULT_SIZE, DEFAULT_RATE_HZ));
        return withSources(spec, sources);
    }

    /**
     * {@code spec} with a new projection {@code pre → post}: exponential current synapses, each pair
     * connected with probability {@link #DEFAULT_P}, constant weights {@link #DEFAULT_WEIGHT}.
     */
    public static NetworkSpec connect(NetworkSpec spec, String pre, String post) {
        List<ProjectionSpec> projections = new ArrayList<>(spec.projections());
        projections.add(new ProjectionSpec(freeProjectionName(spec, pre + "->" + post), pre, post, "exp", null, "current",
                null, null, null, ConnectivitySpec.fixedProbability(DEFAULT_P), ValueSpec.constant(DEFAULT_WEIGHT), null,
                null, null, null));
        return withProjections(spec, projections);
    }

    /** The name a projection is known by (its own, else "pre->post", as the engine names it). */
    public static String projectionName(ProjectionSpec p) {
        return p.name() != null ? p.name() : p.pre() + "->" + p.post();
    }

    private static String freeProjectionName(NetworkSpec spec, String wanted) {
        List<String> names = spec.projections().stream().map(NetworkEdits::projectionName).toList();
        if (!names.contains(wanted)) {
            return wanted;
        }
        for (int i = 2; ; i++) {
            if (!names.contains(wanted + " " + i)) {
                return wanted + " " + i;
            }
        }
    }

    /** {@code spec} with the population called {@code name} changed by {@code change}. */
    public static NetworkSpec population(NetworkSpec spec, String name, UnaryOperator<PopulationSpec> change) {
        return withPopulations(spec, spec.populations().stream().map(p -> p.name().equals(name) ? change.apply(p) : p).toList());
    }

    /** {@code spec} with the source called {@code name} changed by {@code change}. */
    public static NetworkSpec source(NetworkSpec spec, String name, UnaryOperator<SourceSpec> change) {
        return withSources(spec, spec.sources().stream().map(s -> s.name().equals(name) ? change.apply(s) : s).toList());
    }

    /** {@code spec} with the projection at {@code index} changed by {@code change}. */
    public static NetworkSpec projection(NetworkSpec spec, int index, UnaryOperator<ProjectionSpec> change) {
        List<ProjectionSpec> projections = new ArrayList<>(spec.projections());
        projections.set(index, change.apply(projections.get(index)));
        return withProjections(spec, projections);
    }

    /** {@code spec} without the population or source {@code name}, its projections, currents and monitoring. */
    public static NetworkSpec deleteNode(NetworkSpec spec, String name) {
        List<MonitorSpec> monitors = spec.monitors().stream().map(m -> m.populations() == null || !m.populations().contains(name)
                ? m : new MonitorSpec(m.kind(), m.populations().stream().filter(n -> !n.equals(name)).toList(), m.states(),
                m.neurons(), m.binMs(), m.every())).filter(m -> m.populations() == null || !m.populations().isEmpty()).toList();
        return new NetworkSpec(spec.name(), spec.description(), spec.dt(), spec.duration(), spec.seed(),
                spec.populations().stream().filter(p -> !p.name().equals(name)).toList(),
                spec.sources().stream().filter(s -> !s.name().equals(name)).toList(),
                spec.projections().stream().filter(p -> !p.pre().equals(name) && !p.post().equals(name)).toList(),
                spec.currents().stream().filter(c -> !name.equals(c.population())).toList(), monitors);
    }

    /** {@code spec} without the projection at {@code index}. */
    public static NetworkSpec deleteProjection(NetworkSpec spec, int index) {
        List<ProjectionSpec> projections = new ArrayList<>(spec.projections());
        projections.remove(index);
        return withProjections(spec, projections);
    }

    /**
     * {@code spec} with the population or source {@code from} called {@code to}, in every projection,
     * current and monitor that names it.
     *
     * @throws IllegalArgumentException when {@code to} is blank or taken
     */
    public static NetworkSpec renameNode(NetworkSpec spec, String from, String to) {
        String n = to == null ? "" : to.trim();
        if (n.isEmpty()) {
            throw new IllegalArgumentException("a name must not be empty");
        }
        if (n.equals(from)) {
            return spec;
        }
        if (taken(spec, n)) {
            throw new IllegalArgumentException("'" + n + "' is already the name of a population or source");
        }
        UnaryOperator<String> r = s -> from.equals(s) ? n : s;
        return new NetworkSpec(spec.name(), spec.description(), spec.dt(), spec.duration(), spec.seed(),
                spec.populations().stream().map(p -> p.name().equals(from) ? new PopulationSpec(n, p.size(), p.type(), p.model(),
                        p.parameters(), p.initial(), p.positions(), p.voltage()) : p).toList(),
                spec.sources().stream().map(s -> s.name().equals(from) ? new SourceSpec(n, s.kind(), s.size(), s.rateHz(),
                        s.schedule(), s.spikes()) : s).toList(),
                spec.projections().stream().map(p -> new ProjectionSpec(p.name(), r.apply(p.pre()), r.apply(p.post()),
                        p.synapse(), p.synapseParameters(), p.output(), p.reversal(), p.receptor(), p.target(), p.connectivity(),
                        p.weights(), p.delays(), p.sign(), p.trainable(), p.plasticity())).toList(),
                spec.currents().stream().map(c -> new CurrentSpec(r.apply(c.population()), c.input(), c.kind(), c.amplitude(),
                        c.start(), c.stop(), c.mean(), c.sigma(), c.tau(), c.neurons())).toList(),
                spec.monitors().stream().map(m -> m.populations() == null ? m : new MonitorSpec(m.kind(),
                        m.populations().stream().map(r).toList(), m.states(), m.neurons(), m.binMs(), m.every())).toList());
    }

    /** {@code spec} with new timing: dt and duration (ms) and seed. */
    public static NetworkSpec timing(NetworkSpec spec, double dt, double duration, long seed) {
        return new NetworkSpec(spec.name(), spec.description(), dt, duration, seed, spec.populations(), spec.sources(),
                spec.projections(), spec.currents(), spec.monitors());
    }

    private static NetworkSpec withPopulations(NetworkSpec s, List<PopulationSpec> populations) {
        return new NetworkSpec(s.name(), s.description(), s.dt(), s.duration(), s.seed(), populations, s.sources(),
                s.projections(), s.currents(), s.monitors());
    }

    private static NetworkSpec withSources(NetworkSpec s, List<SourceSpec> sources) {
        return new NetworkSpec(s.name(), s.description(), s.dt(), s.duration(), s.seed(), s.populations(), sources,
                s.projections(), s.currents(), s.monitors());
    }

    private static NetworkSpec withProjections(NetworkSpec s, List<ProjectionSpec> projections) {
        return new NetworkSpec(s.name(), s.description(), s.dt(), s.duration(), s.seed(), s.populations(), s.sources(),
                projections, s.currents(), s.monitors());
    }
}
