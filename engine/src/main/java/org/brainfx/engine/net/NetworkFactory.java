package org.brainfx.engine.net;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.ModelChecker;
import org.brainfx.engine.model.ModelException;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.library.ModelLibrary;

/**
 * Builds a {@link Network} from its spec: checks every name and value (each error names the element,
 * the field and the fix), merges each population's receptors into its model and compiles it, draws
 * per-neuron values and generates the synapses, all deterministically from the spec's seed.
 */
public final class NetworkFactory {
    private final NetworkSpec spec;
    private final Path baseDir;
    private final boolean smoothSpikes;
    private final boolean keepParameters;
    private final Map<String, Receptor> receptorOfProjection = new LinkedHashMap<>();
    /** Each population's neuron model and each synapse model, read once however many projections name them. */
    private final Map<String, ModelSpec> neuronModels = new LinkedHashMap<>();
    private final Map<String, SynapseSpec> synapseModels = new LinkedHashMap<>();

    private NetworkFactory(NetworkSpec spec, Path baseDir, boolean smoothSpikes, boolean keepParameters) {
        this.spec = spec;
        this.baseDir = baseDir == null ? Path.of(".") : baseDir;
        this.smoothSpikes = smoothSpikes;
        this.keepParameters = keepParameters;
    }

    /**
     * Builds the network; relative file names in the spec start from {@code baseDir}.
     *
     * @throws NetworkException naming what is wrong and how to fix it
     */
    public static Network build(NetworkSpec spec, Path baseDir) {
        return new NetworkFactory(spec, baseDir, false, false).build();
    }

    /**
     * Builds the network keeping every neuron parameter a per-neuron parameter of its kernel, so
     * that gradients with respect to them can be taken ({@link #build} compiles a parameter that has
     * one value in the whole population as a constant, which makes the time loop faster).
     */
    public static Network buildForGradients(NetworkSpec spec, Path baseDir) {
        return new NetworkFactory(spec, baseDir, false, true).build();
    }

    /**
     * Builds the network with smooth spikes (σ(α·x) forward, see {@link ModelCompiler#compileSmooth}),
     * for checking gradients through the network against finite differences; every model needs the
     * sigmoid surrogate and no refractory period (a smooth spike never ends one).
     */
    public static Network buildSmooth(NetworkSpec spec, Path baseDir) {
        return new NetworkFactory(spec, baseDir, true, true).build();
    }

    private Network build() {
        long t0 = System.nanoTime();
        checkTiming();
        Set<String> names = new HashSet<>();
        for (PopulationSpec p : spec.populations()) {
            checkPopulation(p, names);
        }
        for (SourceSpec s : spec.sources()) {
            checkSource(s, names);
        }
        if (spec.populations().isEmpty()) {
            throw new NetworkException("network '" + spec.name() + "' has no populations; add at least one");
        }
        List<String> projectionNames = new ArrayList<>();
        for (ProjectionSpec p : spec.projections()) {
            String name = projectionName(p);
            if (projectionNames.contains(name)) {
                throw new NetworkException("two projections are named '" + name + "'; give each a unique 'name'");
            }
            projectionNames.add(name);
        }
        Map<String, Map<String, Receptor>> receptors = receptors();
        List<BuiltPopulation> populations = new ArrayList<>();
        for (PopulationSpec p : spec.populations()) {
            populations.add(population(p, new ArrayList<>(receptors.getOrDefault(p.name(), Map.of()).values())));
        }
        List<PendingProjection> pending = new ArrayList<>();
        for (ProjectionSpec p : spec.projections()) {
            pending.add(projection(p, populations));
        }
        List<BuiltProjection> projections = wire(pending);
        NetworkChecks.currents(spec, populations);
        NetworkChecks.monitors(spec, populations);
        return new Network(spec, baseDir, List.copyOf(populations), spec.sources(), List.copyOf(projections),
                (System.nanoTime() - t0) / 1e9);
    }

    private void checkTiming() {
        if (!(spec.dt() > 0) || !Double.isFinite(spec.dt())) {
            throw new NetworkException("network '" + spec.name() + "': dt = " + spec.dt() + " ms; the time step must be a positive number of ms such as 0.1");
        }
        if (!(spec.duration() >= 0) || !Double.isFinite(spec.duration())) {
            throw new NetworkException("network '" + spec.name() + "': duration = " + spec.duration() + " ms; give a duration >= 0 ms");
        }
    }

    private static void checkPopulation(PopulationSpec p, Set<String> names) {
        if (p.name() == null || p.name().isBlank()) {
            throw new NetworkException("a population has no name; give each population a unique 'name'");
        }
        if (!names.add(p.name())) {
            throw new NetworkException("two populations or sources are named '" + p.name() + "'; names must be unique");
        }
        if (p.size() <= 0) {
            throw new NetworkException("population '" + p.name() + "': size " + p.size() + "; a population needs at least 1 neuron");
        }
        if (!PopulationSpec.TYPES.contains(p.type())) {
            throw new NetworkException("population '" + p.name() + "': type '" + p.type() + "' is not one of "
                    + PopulationSpec.TYPES);
        }
        if (p.model() == null) {
            throw new NetworkException("population '" + p.name() + "' has no model; give 'model': {\"builtin\": \"lif\"} or a file or spec");
        }
    }

    private static void checkSource(SourceSpec s, Set<String> names) {
        if (s.name() == null || !names.add(s.name())) {
            throw new NetworkException("source '" + s.name() + "': names of populations and sources must be given and unique");
        }
        if (s.size() <= 0) {
            throw new NetworkException("source '" + s.name() + "': size " + s.size() + "; a source needs at least 1 generator");
        }
        SpikeSources.check(s);
    }

    static String projectionName(ProjectionSpec p) {
        return p.name() != null ? p.name() : p.pre() + "->" + p.post();
    }

    /** The receptors of each post population, by name, checking that projections sharing one agree. */
    private Map<String, Map<String, Receptor>> receptors() {
        Map<String, Map<String, Receptor>> byPost = new LinkedHashMap<>();
        Map<String, String> firstUser = new LinkedHashMap<>();
        for (ProjectionSpec p : spec.projections()) {
            String name = projectionName(p);
            PopulationSpec post = spec.population(p.post());
            if (post == null) {
                throw new NetworkException("projection '" + name + "': unknown post population '" + p.post() + "' (populations: "
                        + populationNames() + ")");
            }
            String preType = preType(p, name);
            if (p.gapJunction()) {
                continue;
            }
            if (!List.of("current", "conductance").contains(p.output())) {
                throw new NetworkException("projection '" + name + "': output '" + p.output() + "' is not 'current' or 'conductance'");
            }
            if (p.conductance() && (p.reversal() == null || !Double.isFinite(p.reversal()))) {
                throw new NetworkException("projection '" + name + "': a conductance output needs 'reversal' (E in mV, e.g. 0 for"
                        + " excitation, -80 for inhibition)");
            }
            SynapseSpec synapse = synapse(p.synapse(), name);
            String receptorName = p.receptor() != null ? p.receptor()
                    : "excitatory".equals(preType) ? "e" : "inhibitory".equals(preType) ? "i" : p.pre();
            String target = p.target() != null ? p.target() : firstInput(post, name);
            Receptor r = new Receptor(receptorName, synapse, p.synapseParameters(), p.conductance(),
                    p.conductance() ? p.reversal() : 0, target);
            Map<String, Receptor> ofPost = byPost.computeIfAbsent(p.post(), k -> new LinkedHashMap<>());
            Receptor existing = ofPost.get(receptorName);
            if (existing == null) {
                ofPost.put(receptorName, r);
                firstUser.put(p.post() + "/" + receptorName, name);
            } else if (!sameReceptor(existing, r)) {
                throw new NetworkException("projections '" + firstUser.get(p.post() + "/" + receptorName) + "' and '" + name
                        + "' both feed receptor '" + receptorName + "' of population '" + p.post() + "' but differ in synapse,"
                        + " its parameters, output, reversal or target; give one of them another 'receptor'");
            }
            receptorOfProjection.put(name, ofPost.get(receptorName));
        }
        return byPost;
    }

    private static boolean sameReceptor(Receptor a, Receptor b) {
        return a.synapse().equals(b.synapse()) && a.parameters().equals(b.parameters()) && a.conductance() == b.conductance()
                && a.reversal() == b.reversal() && a.target().equals(b.target());
    }

    private String preType(ProjectionSpec p, String name) {
        PopulationSpec pre = spec.population(p.pre());
        if (pre != null) {
            return pre.type();
        }
        if (spec.source(p.pre()) != null) {
            return "other";
        }
        throw new NetworkException("projection '" + name + "': unknown presynaptic population or source '" + p.pre()
                + "' (populations: " + populationNames() + "; sources: "
                + String.join(", ", spec.sources().stream().map(SourceSpec::name).toList()) + ")");
    }

    private String populationNames() {
        return String.join(", ", spec.populations().stream().map(PopulationSpec::name).toList());
    }

    private String firstInput(PopulationSpec post, String projection) {
        ModelSpec model = neuronModel(post);
        if (model.inputs().isEmpty()) {
            throw new NetworkException("projection '" + projection + "': model '" + model.name() + "' of population '" + post.name()
                    + "' has no input for synapses to feed; add an 'input I : nA' line to the model");
        }
        return model.inputs().get(0).name();
    }

    private SynapseSpec synapse(String name, String projection) {
        SynapseSpec known = synapseModels.get(name);
        if (known == null) {
            known = readSynapse(name, projection);
            synapseModels.put(name, known);
        }
        return known;
    }

    private SynapseSpec readSynapse(String name, String projection) {
        try {
            if (name.endsWith(".synapse")) {
                Path file = baseDir.resolve(name);
                if (!Files.isRegularFile(file)) {
                    throw new NetworkException("projection '" + projection + "': synapse file " + file.toAbsolutePath()
                            + " does not exist; give a built-in synapse (" + String.join(", ", SynapseLibrary.names())
                            + ") or the path of a .synapse file relative to the project");
                }
                return checkedAlone(SynapseText.parse(Files.readString(file)));
            }
            return SynapseLibrary.get(name);
        } catch (ModelException e) {
            throw new NetworkException("projection '" + projection + "': synapse '" + name + "': " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new NetworkException("projection '" + projection + "': cannot read synapse file '" + name + "': " + e.getMessage(), e);
        } catch (NetworkException e) {
            if (e.getMessage().startsWith("projection")) {
                throw e;
            }
            throw new NetworkException("projection '" + projection + "': " + e.getMessage(), e);
        }
    }

    /**
     * Checks a user's synapse on its own (its states taken as currents, nA), so a unit error in
     * its equations is reported at its own line rather than in the merged population model.
     */
    private static SynapseSpec checkedAlone(SynapseSpec synapse) {
        ModelSpec d = synapse.dynamics();
        ModelChecker.check(d.withStates(d.states().stream().map(s -> new org.brainfx.engine.model.StateSpec(s.name(), s.initial(),
                "nA", s.line())).toList()));
        return synapse;
    }

    private ModelSpec neuronModel(PopulationSpec p) {
        ModelSpec known = neuronModels.get(p.name());
        if (known == null) {
            known = readNeuronModel(p);
            neuronModels.put(p.name(), known);
        }
        return known;
    }

    private ModelSpec readNeuronModel(PopulationSpec p) {
        NeuronRef ref = p.model();
        int given = (ref.builtin() != null ? 1 : 0) + (ref.file() != null ? 1 : 0) + (ref.spec() != null ? 1 : 0);
        if (given != 1) {
            throw new NetworkException("population '" + p.name() + "': its model must give exactly one of 'builtin', 'file' or 'spec'");
        }
        try {
            if (ref.spec() != null) {
                return ref.spec();
            }
            if (ref.builtin() != null) {
                return ModelLibrary.get(ref.builtin());
            }
            Path file = baseDir.resolve(ref.file());
            if (!Files.isRegularFile(file)) {
                throw new NetworkException("population '" + p.name() + "': model file " + file.toAbsolutePath()
                        + " does not exist; fix the path (relative to the project) or use a built-in model ("
                        + String.join(", ", ModelLibrary.names()) + ")");
            }
            return ModelText.parse(Files.readString(file));
        } catch (ModelException e) {
            throw new NetworkException("population '" + p.name() + "': " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new NetworkException("population '" + p.name() + "': cannot read model file '" + ref.file() + "': " + e.getMessage(), e);
        }
    }

    private BuiltPopulation population(PopulationSpec p, List<Receptor> receptors) {
        ModelSpec neuron = neuronModel(p);
        String voltage = voltageOf(p, neuron);
        CheckedModel checked = PopulationModel.merge(neuron, voltage, receptors, p.name());
        ModelSpec merged = checked.spec();
        if (smoothSpikes && merged.refractory() != null) {
            throw new NetworkException("population '" + p.name() + "': smooth spikes cannot end a refractory period;"
                    + " remove 'refractory' to check gradients with smooth spikes");
        }
        checkKeys(p, p.parameters().keySet(), neuron.parameters().stream().map(q -> q.name()).toList(), "parameters", "parameter");
        Map<String, double[]> values = new LinkedHashMap<>();
        for (CheckedModel.Symbol sym : checked.parameters()) {
            values.put(sym.name(), values(p, sym, p.parameters().get(sym.name()), "parameter"));
        }
        ModelSpec compiledSpec = keepParameters ? merged : PopulationModel.withUniformParametersFixed(merged, checked, values);
        CompiledModel compiled;
        try {
            compiled = smoothSpikes ? ModelCompiler.compileSmooth(compiledSpec) : ModelCompiler.compile(compiledSpec);
        } catch (ModelException e) {
            throw new NetworkException("population '" + p.name() + "': " + e.getMessage(), e);
        }
        int n = p.size();
        double[][] parameters = new double[compiled.parameterCount()][];
        for (int i = 0; i < parameters.length; i++) {
            parameters[i] = values.get(compiled.parameterNames().get(i));
        }
        double[][] initial = new double[compiled.stateCount()][];
        for (int i = 0; i < initial.length; i++) {
            CheckedModel.Symbol sym = compiled.checked().states().get(i);
            initial[i] = values(p, sym, p.initial().get(sym.name()), "initial state");
        }
        checkKeys(p, p.initial().keySet(), compiled.stateNames().stream().filter(q -> !q.equals(CheckedModel.REFRACTORY_STATE)
                && !q.equals(CheckedModel.CARRIED_SPIKE_STATE)).toList(), "initial", "state");
        Positions positions = Positions.of(p.positions(), n, Wiring.seedFor(spec.seed(), "positions:" + p.name()),
                "population '" + p.name() + "', positions");
        int sign = "excitatory".equals(p.type()) ? 1 : "inhibitory".equals(p.type()) ? -1 : 0;
        return new BuiltPopulation(p.name(), p.type(), n, compiled, parameters, initial, compiled.stateIndex(voltage),
                positions, sign);
    }

    private static String voltageOf(PopulationSpec p, ModelSpec neuron) {
        List<String> states = neuron.states().stream().map(s -> s.name()).toList();
        if (p.voltage() != null) {
            if (!states.contains(p.voltage())) {
                throw new NetworkException("population '" + p.name() + "': voltage '" + p.voltage() + "' is not a state of model '"
                        + neuron.name() + "' (states: " + String.join(", ", states) + ")");
            }
            return p.voltage();
        }
        if (states.isEmpty()) {
            throw new NetworkException("population '" + p.name() + "': model '" + neuron.name() + "' has no states");
        }
        return states.contains("V") ? "V" : states.contains("v") ? "v" : states.get(0);
    }

    private static void checkKeys(PopulationSpec p, Set<String> given, List<String> known, String field, String kind) {
        for (String k : given) {
            if (!known.contains(k)) {
                throw new NetworkException("population '" + p.name() + "', " + field + ": the model has no " + kind + " '" + k
                        + "' (" + kind + "s: " + String.join(", ", known) + ")");
            }
        }
    }

    private double[] values(PopulationSpec p, CheckedModel.Symbol sym, ValueSpec given, String kind) {
        double[] v = new double[p.size()];
        if (given == null) {
            java.util.Arrays.fill(v, sym.value());
            return v;
        }
        String where = "population '" + p.name() + "', " + kind + " " + sym.name();
        double[] drawn = ValueSampler.sample(given, p.size(), Wiring.seedFor(spec.seed(), "population:" + p.name() + ":"
                + kind + ":" + sym.name()), where, baseDir);
        double factor = sym.unit().toInternalFactor();
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(drawn[i])) {
                throw new NetworkException(where + ": value " + drawn[i] + " for neuron " + i + " is not a finite number");
            }
            v[i] = drawn[i] * factor;
        }
        return v;
    }

    private PendingProjection projection(ProjectionSpec p, List<BuiltPopulation> populations) {
        String name = projectionName(p);
        if (p.gapJunction()) {
            return gapJunction(p, name, populations);
        }
        int postIndex = indexOf(populations, p.post());
        BuiltPopulation post = populations.get(postIndex);
        int preIndex = indexOf(populations, p.pre());
        boolean fromSource = preIndex < 0;
        int preCount;
        Positions prePositions = null;
        float sign;
        if (fromSource) {
            preIndex = spec.sources().indexOf(spec.source(p.pre()));
            preCount = spec.sources().get(preIndex).size();
            sign = signOf(p, name, 0);
        } else {
            BuiltPopulation pre = populations.get(preIndex);
            if (!pre.model().hasSpike()) {
                throw new NetworkException("projection '" + name + "': model '" + pre.model().name() + "' of population '"
                        + pre.name() + "' has no spike condition, so it sends no spikes; add a 'spike' line to the model or"
                        + " couple it with a gap junction");
            }
            preCount = pre.size();
            prePositions = pre.positions();
            sign = p.conductance() ? 1f : signOf(p, name, pre.excitatorySign());
        }
        if (p.plasticity() != null) {
            ShortTermPlasticity.check(p.plasticity(), name);
        }
        if (p.connectivity() == null) {
            throw new NetworkException("projection '" + name + "' has no 'connectivity'; give a rule such as"
                    + " {\"rule\": \"fixed_probability\", \"p\": 0.02}");
        }
        if (p.weights() == null && !"explicit".equals(p.connectivity().rule())) {
            throw new NetworkException("projection '" + name + "' has no 'weights'; give e.g. {\"kind\": \"constant\", \"value\": 0.5}"
                    + " (magnitudes in the synapse state's unit)");
        }
        Receptor receptor = receptorOfProjection.get(name);
        String targetName = receptor.synapse().hasStates() ? receptor.synapse().onPre() + "_" + receptor.name()
                : receptor.synapse().onPre().equals("V") ? post.model().stateNames().get(post.voltage()) : receptor.synapse().onPre();
        int target = post.model().checked().stateIndex(targetName);
        if (target < 0) {
            throw new NetworkException("projection '" + name + "': synapse '" + receptor.synapse().name() + "' increases '"
                    + receptor.synapse().onPre() + "', which population '" + post.name() + "' does not have");
        }
        WiringRequest request = new WiringRequest(name, p.connectivity(), p.weights(), p.delays(), preCount, post.size(),
                prePositions, post.positions(), !fromSource && preIndex == postIndex, spec.dt(), spec.seed(), baseDir);
        boolean unlessRefractory = receptor.synapse().unlessRefractory() && post.model().checked().refractoryState() >= 0;
        int pre = preIndex;
        return new PendingProjection(request, rows -> new BuiltProjection(name, pre, fromSource, postIndex, target, sign, rows,
                Boolean.TRUE.equals(p.trainable()), unlessRefractory, -1, -1, p.plasticity()));
    }

    /** A checked projection waiting for its synapses, which {@link #wire} generates for all projections at once. */
    private record PendingProjection(WiringRequest request, Function<SparseRows, BuiltProjection> finish) {
    }

    /**
     * Generates every projection's synapses, in parallel over projections (each projection's synapses depend on
     * its own request alone, see {@link Wiring}, so the result is the same on any number of threads); a failure
     * reported is the first in the spec's order, as a sequential build would report it. On the 2-core machine
     * the 29-area macaque network of 2 000 neurons per area (183 M synapses) builds in 1.9× less time.
     */
    private static List<BuiltProjection> wire(List<PendingProjection> pending) {
        SparseRows[] rows = new SparseRows[pending.size()];
        RuntimeException[] failures = new RuntimeException[pending.size()];
        IntStream.range(0, pending.size()).parallel().forEach(k -> {
            try {
                rows[k] = Wiring.build(pending.get(k).request());
            } catch (RuntimeException e) {
                failures[k] = e;
            }
        });
        List<BuiltProjection> built = new ArrayList<>(pending.size());
        for (int k = 0; k < rows.length; k++) {
            if (failures[k] != null) {
                throw failures[k];
            }
            built.add(pending.get(k).finish().apply(rows[k]));
        }
        return built;
    }

    private PendingProjection gapJunction(ProjectionSpec p, String name, List<BuiltPopulation> populations) {
        int preIndex = indexOf(populations, p.pre());
        if (preIndex < 0) {
            throw new NetworkException("projection '" + name + "': a gap junction couples two populations; '" + p.pre()
                    + "' is a spike source");
        }
        if (p.delays() != null || p.plasticity() != null) {
            throw new NetworkException("projection '" + name + "': gap junctions act without delay or plasticity; remove 'delays'"
                    + " and 'plasticity'");
        }
        if (p.connectivity() == null || p.weights() == null && !"explicit".equals(p.connectivity().rule())) {
            throw new NetworkException("projection '" + name + "': a gap junction needs 'connectivity' and 'weights'"
                    + " (coupling conductances)");
        }
        int postIndex = indexOf(populations, p.post());
        BuiltPopulation pre = populations.get(preIndex);
        BuiltPopulation post = populations.get(postIndex);
        int preInput = couplingInput(pre, p.target(), name);
        int postInput = couplingInput(post, p.target(), name);
        WiringRequest request = new WiringRequest(name, p.connectivity(), p.weights(), null, pre.size(), post.size(),
                pre.positions(), post.positions(), preIndex == postIndex, spec.dt(), spec.seed(), baseDir);
        return new PendingProjection(request, rows -> new BuiltProjection(name, preIndex, false, postIndex, -1, 1f, rows,
                Boolean.TRUE.equals(p.trainable()), false, preInput, postInput, null));
    }

    /** The model input a gap-junction current enters: the named one (or the first), where injected currents go. */
    private static int couplingInput(BuiltPopulation population, String input, String projection) {
        List<CheckedModel.Symbol> inputs = population.model().checked().inputs();
        if (inputs.isEmpty()) {
            throw new NetworkException("projection '" + projection + "': model '" + population.model().name() + "' of population '"
                    + population.name() + "' has no input for the coupling current; add an 'input I : nA' line");
        }
        String name = input != null ? input : inputs.get(0).name().replaceFirst(PopulationModel.EXTERNAL_SUFFIX + "$", "");
        int index = population.externalInput(name);
        if (index < 0) {
            throw new NetworkException("projection '" + projection + "': population '" + population.name() + "' has no input '"
                    + name + "'");
        }
        return index;
    }

    private static float signOf(ProjectionSpec p, String name, int populationSign) {
        if (populationSign != 0) {
            if (p.sign() != null && Math.signum(p.sign()) != populationSign) {
                throw new NetworkException("projection '" + name + "': sign " + p.sign() + " contradicts Dale's law (its presynaptic"
                        + " population is " + (populationSign > 0 ? "excitatory" : "inhibitory") + "); remove 'sign' or change the"
                        + " population's type to 'other'");
            }
            return populationSign;
        }
        if (p.sign() == null) {
            return 1f;
        }
        if (p.sign() != 1 && p.sign() != -1) {
            throw new NetworkException("projection '" + name + "': sign " + p.sign() + " must be +1 or -1 (weights are magnitudes)");
        }
        return p.sign().floatValue();
    }

    private static int indexOf(List<BuiltPopulation> populations, String name) {
        for (int i = 0; i < populations.size(); i++) {
            if (populations.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
