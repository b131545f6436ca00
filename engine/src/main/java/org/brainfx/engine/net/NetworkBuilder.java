package org.brainfx.engine.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.ModelSpec;

/**
 * Builds a {@link NetworkSpec} in code, for tests and scripts:
 * <pre>
 * NetworkSpec spec = NetworkBuilder.network("coba").dt(0.1).duration(1000).seed(7)
 *     .population("E", 3200, "excitatory", model).initial("v", ValueSpec.normal(-55, 5)).add()
 *     .projection("E", "E").conductance(0).connectivity(ConnectivitySpec.fixedProbability(0.02))
 *         .weights(ValueSpec.constant(0.6)).add()
 *     .build();
 * </pre>
 */
public final class NetworkBuilder {
    private final String name;
    private String description;
    private Double dt;
    private Double duration;
    private Long seed;
    private final List<PopulationSpec> populations = new ArrayList<>();
    private final List<SourceSpec> sources = new ArrayList<>();
    private final List<ProjectionSpec> projections = new ArrayList<>();
    private final List<CurrentSpec> currents = new ArrayList<>();
    private final List<MonitorSpec> monitors = new ArrayList<>();

    private NetworkBuilder(String name) {
        this.name = name;
    }

    /** Starts a network of that name. */
    public static NetworkBuilder network(String name) {
        return new NetworkBuilder(name);
    }

    /** One line about the network. */
    public NetworkBuilder description(String text) {
        description = text;
        return this;
    }

    /** The time step, ms. */
    public NetworkBuilder dt(double ms) {
        dt = ms;
        return this;
    }

    /** The duration, ms. */
    public NetworkBuilder duration(double ms) {
        duration = ms;
        return this;
    }

    /** The seed of everything random. */
    public NetworkBuilder seed(long value) {
        seed = value;
        return this;
    }

    /** Starts a population of a model given inline. */
    public PopulationBuilder population(String populationName, int size, String type, ModelSpec model) {
        return new PopulationBuilder(populationName, size, type, NeuronRef.of(model));
    }

    /** Starts a population of a built-in model. */
    public PopulationBuilder population(String populationName, int size, String type, String builtin) {
        return new PopulationBuilder(populationName, size, type, NeuronRef.builtin(builtin));
    }

    /** Adds a spike source. */
    public NetworkBuilder source(SourceSpec source) {
        sources.add(source);
        return this;
    }

    /** Starts a projection. */
    public ProjectionBuilder projection(String pre, String post) {
        return new ProjectionBuilder(pre, post);
    }

    /** Adds an injected current. */
    public NetworkBuilder current(CurrentSpec current) {
        currents.add(current);
        return this;
    }

    /** Adds a monitor. */
    public NetworkBuilder monitor(MonitorSpec monitor) {
        monitors.add(monitor);
        return this;
    }

    /** The spec. */
    public NetworkSpec build() {
        return new NetworkSpec(name, description, dt, duration, seed, populations, sources, projections, currents, monitors);
    }

    /** Builds one population. */
    public final class PopulationBuilder {
        private final String populationName;
        private final int size;
        private final String type;
        private final NeuronRef model;
        private final Map<String, ValueSpec> parameters = new LinkedHashMap<>();
        private final Map<String, ValueSpec> initial = new LinkedHashMap<>();
        private PositionSpec positions;
        private String voltage;

        private PopulationBuilder(String populationName, int size, String type, NeuronRef model) {
            this.populationName = populationName;
            this.size = size;
            this.type = type;
            this.model = model;
        }

        /** A parameter's values, in the model's declared unit. */
        public PopulationBuilder parameter(String parameter, ValueSpec values) {
            parameters.put(parameter, values);
            return this;
        }

        /** A state's initial values, in the model's declared unit. */
        public PopulationBuilder initial(String state, ValueSpec values) {
            initial.put(state, values);
            return this;
        }

        /** Positions on a sheet. */
        public PopulationBuilder positions(PositionSpec spec) {
            positions = spec;
            return this;
        }

        /** The state that is the membrane potential. */
        public PopulationBuilder voltage(String state) {
            voltage = state;
            return this;
        }

        /** Adds the population and returns to the network. */
        public NetworkBuilder add() {
            populations.add(new PopulationSpec(populationName, size, type, model, parameters, initial, positions, voltage));
            return NetworkBuilder.this;
        }
    }

    /** Builds one projection. */
    public final class ProjectionBuilder {
        private final String pre;
        private final String post;
        private String projectionName;
        private String synapse = "exp";
        private final Map<String, Double> synapseParameters = new LinkedHashMap<>();
        private String output = "current";
        private Double reversal;
        private String receptor;
        private String target;
        private ConnectivitySpec connectivity;
        private ValueSpec weights;
        private ValueSpec delays;
        private Double sign;
        private boolean trainable;
        private PlasticitySpec plasticity;

        private ProjectionBuilder(String pre, String post) {
            this.pre = pre;
            this.post = post;
        }

        /** The projection's name (default {@code pre->post}). */
        public ProjectionBuilder name(String value) {
            projectionName = value;
            return this;
        }

        /** The synapse model and parameter values (declared units). */
        public ProjectionBuilder synapse(String model, Map<String, Double> parameters) {
            synapse = model;
            synapseParameters.putAll(parameters);
            return this;
        }

        /** Conductance output with reversal potential E (mV). */
        public ProjectionBuilder conductance(double reversalMv) {
            output = "conductance";
            reversal = reversalMv;
            return this;
        }

        /** The receptor's name. */
        public ProjectionBuilder receptor(String value) {
            receptor = value;
            return this;
        }

        /** The post model's input fed. */
        public ProjectionBuilder target(String input) {
            target = input;
            return this;
        }

        /** The connectivity rule. */
        public ProjectionBuilder connectivity(ConnectivitySpec rule) {
            connectivity = rule;
            return this;
        }

        /** Weight magnitudes. */
        public ProjectionBuilder weights(ValueSpec values) {
            weights = values;
            return this;
        }

        /** Delays, ms. */
        public ProjectionBuilder delays(ValueSpec ms) {
            delays = ms;
            return this;
        }

        /** Sign for a projection from a population of type other or a source. */
        public ProjectionBuilder sign(double value) {
            sign = value;
            return this;
        }

        /** Short-term plasticity. */
        public ProjectionBuilder plasticity(PlasticitySpec spec) {
            plasticity = spec;
            return this;
        }

        /** Marks the weights trainable. */
        public ProjectionBuilder trainable() {
            trainable = true;
            return this;
        }

        /** Adds the projection and returns to the network. */
        public NetworkBuilder add() {
            projections.add(new ProjectionSpec(projectionName, pre, post, synapse, synapseParameters, output, reversal, receptor,
                    target, connectivity, weights, delays, sign, trainable ? Boolean.TRUE : null, plasticity));
            return NetworkBuilder.this;
        }
    }
}
