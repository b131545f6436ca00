package org.brainfx.app.network;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.StateSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.Positions;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.SynapseLibrary;
import org.brainfx.engine.net.ValueSpec;
import org.brainfx.engine.net.Wiring;
import org.brainfx.engine.net.WiringRequest;

/**
 * Checks a network the way building it for a simulation does, element by element, so that every
 * broken population, source and projection is found (the engine's builder stops at the first
 * error): each population and source is built alone, each projection's synapses are generated
 * alone, and finally the network without its broken nodes is built with its connections left empty
 * (what only the whole shows: synapse models, receptors two projections share, currents, monitors).
 * It generates every synapse once (about 0.5 s for the 10 000-neuron Brunel sample): run it in the
 * background. Also reads each population's model and each projection's synapse, for the property
 * sheet's parameter rows.
 */
public final class NetworkCheck {

    private static final Pattern ELEMENT = Pattern.compile(
            "^(population|source|projection|projections) '([^']*)'|^current \\d+ \\(into '([^']*)'\\)");
    private static final String NO_POPULATIONS = "has no populations";

    private NetworkCheck() {
    }

    /** A model's parameters and states (what a population may set). */
    public record ModelInfo(List<ParameterSpec> parameters, List<StateSpec> states) { }

    /**
     * What the check found.
     *
     * @param nodes       a message per population or source that cannot be built, by name
     * @param projections a message per projection that cannot be built, by index in the spec
     * @param network     a message about the network as a whole ("" for none)
     * @param models      each population's model, by population name (absent when it cannot be read)
     * @param synapses    each synapse's parameters, by the synapse name a projection gives (absent when unreadable)
     */
    public record Result(Map<String, String> nodes, Map<Integer, String> projections, String network,
                         Map<String, ModelInfo> models, Map<String, List<ParameterSpec>> synapses) {
        /** True when the network builds. */
        public boolean ok() {
            return nodes.isEmpty() && projections.isEmpty() && network.isEmpty();
        }

        /** How many problems there are. */
        public int count() {
            return nodes.size() + projections.size() + (network.isEmpty() ? 0 : 1);
        }
    }

    /** Checks {@code spec}; relative file names start from {@code baseDir}. Never throws for a bad spec. */
    public static Result run(NetworkSpec spec, Path baseDir) {
        Map<String, String> nodes = new LinkedHashMap<>();
        Map<Integer, String> projections = new LinkedHashMap<>();
        String network = "";
        for (PopulationSpec p : spec.populations()) {
            String error = error(with(spec, List.of(p), List.of(), List.of()), baseDir);
            if (!error.isEmpty()) {
                nodes.put(p.name(), error);
            }
        }
        for (SourceSpec s : spec.sources()) {
            String error = error(with(spec, List.of(), List.of(s), List.of()), baseDir);
            if (!error.isEmpty() && !error.contains(NO_POPULATIONS)) {
                nodes.put(s.name(), error);
            }
        }
        for (int k = 0; k < spec.projections().size(); k++) {
            ProjectionSpec p = spec.projections().get(k);
            if (!nodes.containsKey(p.pre()) && !nodes.containsKey(p.post())) {
                String error = wiringError(spec, p, baseDir);
                if (!error.isEmpty()) {
                    projections.put(k, error);
                }
            }
        }
        if (spec.populations().isEmpty()) {
            network = "the network has no populations yet; add one from the palette";
        } else {
            // The rest without the broken nodes, so what is wrong elsewhere is still found.
            NetworkSpec rest = spec;
            for (String broken : nodes.keySet()) {
                rest = NetworkEdits.deleteNode(rest, broken);
            }
            if (!rest.populations().isEmpty()) {
                String error = error(new NetworkSpec(rest.name(), rest.description(), rest.dt(), rest.duration(), rest.seed(),
                        rest.populations(), rest.sources(), rest.projections().stream().map(NetworkCheck::unwired).toList(),
                        rest.currents(), rest.monitors()), baseDir);
                if (!error.isEmpty()) {
                    network = attribute(spec, error, nodes, projections);
                }
            }
        }
        return new Result(Map.copyOf(nodes), Map.copyOf(projections), network, models(spec, baseDir), synapses(spec, baseDir));
    }

    /**
     * The error of generating {@code p}'s synapses (an impossible rule: an in-degree above the presynaptic size,
     * one-to-one between different sizes, a missing pairs file, …), or "". Only the connection rule, weights and
     * delays are built here, without compiling the models: the whole network's build checks the rest.
     */
    private static String wiringError(NetworkSpec spec, ProjectionSpec p, Path baseDir) {
        String name = NetworkEdits.projectionName(p);
        PopulationSpec pre = spec.population(p.pre());
        SourceSpec source = spec.source(p.pre());
        PopulationSpec post = spec.population(p.post());
        if (pre == null && source == null || post == null || p.connectivity() == null) {
            return "";
        }
        try {
            int preCount = pre != null ? pre.size() : source.size();
            Positions prePositions = pre == null ? null : Positions.of(pre.positions(), pre.size(),
                    Wiring.seedFor(spec.seed(), "positions:" + pre.name()), "population '" + pre.name() + "', positions");
            Positions postPositions = Positions.of(post.positions(), post.size(),
                    Wiring.seedFor(spec.seed(), "positions:" + post.name()), "population '" + post.name() + "', positions");
            Wiring.build(new WiringRequest(name, p.connectivity(), p.weights(), p.gapJunction() ? null : p.delays(), preCount,
                    post.size(), prePositions, postPositions, pre != null && pre.name().equals(post.name()), spec.dt(),
                    spec.seed(), baseDir));
            return "";
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    /** The projection with no synapses (each was built on its own already), so the whole network builds fast. */
    private static ProjectionSpec unwired(ProjectionSpec p) {
        return new ProjectionSpec(p.name(), p.pre(), p.post(), p.synapse(), p.synapseParameters(), p.output(), p.reversal(),
                p.receptor(), p.target(), ConnectivitySpec.explicit(List.of(), List.of()), ValueSpec.constant(0), null,
                p.sign(), p.trainable(), p.plasticity());
    }

    /** Puts the whole network's error on the element it names (unless it has one already); returns it when it names none. */
    private static String attribute(NetworkSpec spec, String error, Map<String, String> nodes, Map<Integer, String> projections) {
        Matcher m = ELEMENT.matcher(error);
        if (!m.find()) {
            return error;
        }
        if (m.group(3) != null) {
            nodes.putIfAbsent(m.group(3), error);
            return "";
        }
        String name = m.group(2);
        if (m.group(1).startsWith("projection")) {
            for (int k = 0; k < spec.projections().size(); k++) {
                if (NetworkEdits.projectionName(spec.projections().get(k)).equals(name)) {
                    projections.putIfAbsent(k, error);
                    return "";
                }
            }
            return error;
        }
        if (NetworkEdits.taken(spec, name)) {
            nodes.putIfAbsent(name, error);
            return "";
        }
        return error;
    }

    private static NetworkSpec with(NetworkSpec spec, List<PopulationSpec> populations, List<SourceSpec> sources,
                                    List<ProjectionSpec> projections) {
        return new NetworkSpec(spec.name(), spec.description(), spec.dt(), spec.duration(), spec.seed(), populations, sources,
                projections, List.of(), List.of());
    }

    /** The builder's message for {@code spec}, or "" when it builds. */
    private static String error(NetworkSpec spec, Path baseDir) {
        try {
            NetworkFactory.build(spec, baseDir);
            return "";
        } catch (RuntimeException e) {
            // Any exception is a finding about the spec here (the builder's messages name the element and the fix).
            return e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    private static Map<String, ModelInfo> models(NetworkSpec spec, Path baseDir) {
        Map<String, ModelInfo> m = new LinkedHashMap<>();
        for (PopulationSpec p : spec.populations()) {
            try {
                ModelSpec model = model(p.model(), baseDir);
                if (model != null) {
                    m.put(p.name(), new ModelInfo(List.copyOf(model.parameters()), List.copyOf(model.states())));
                }
            } catch (RuntimeException | java.io.IOException e) {
                // The population's own check reports why; the sheet then shows only the values the spec sets.
            }
        }
        return m;
    }

    private static ModelSpec model(NeuronRef ref, Path baseDir) throws java.io.IOException {
        if (ref == null) {
            return null;
        }
        if (ref.spec() != null) {
            return ref.spec();
        }
        if (ref.builtin() != null) {
            return ModelLibrary.get(ref.builtin());
        }
        return ref.file() == null ? null : ModelText.parse(Files.readString(baseDir.resolve(ref.file())));
    }

    private static Map<String, List<ParameterSpec>> synapses(NetworkSpec spec, Path baseDir) {
        Map<String, List<ParameterSpec>> m = new LinkedHashMap<>();
        for (ProjectionSpec p : spec.projections()) {
            if (m.containsKey(p.synapse()) || p.gapJunction()) {
                continue;
            }
            try {
                m.put(p.synapse(), new ArrayList<>(p.synapse().endsWith(".synapse")
                        ? org.brainfx.engine.net.SynapseText.parse(Files.readString(baseDir.resolve(p.synapse()))).dynamics().parameters()
                        : SynapseLibrary.get(p.synapse()).dynamics().parameters()));
            } catch (RuntimeException | java.io.IOException e) {
                // The projection's own check reports why.
            }
        }
        return m;
    }
}
