package org.brainfx.app.network;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.StateSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.PlasticitySpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.PositionSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.SynapseLibrary;
import org.brainfx.engine.net.ValueSpec;

/**
 * The property-sheet rows of the editor's selection: a population's model, size, type, parameters and
 * initial states with their distributions; a source's size and rate; a projection's synapse, output,
 * connectivity rule and its numbers, weights, delays and trainable flag; the network's timing when
 * nothing is selected. Each change is one undoable edit; a value that cannot be right is refused with
 * the reason. What only the whole network can tell (an in-degree above the presynaptic size, a missing
 * model file) is the live check's: it shows on the canvas.
 */
final class NetworkProperties {

    private final NetworkDocument document;
    private final ResourceBundle messages;
    private final Supplier<NetworkCheck.Result> checked;
    private final Consumer<Selection> reselect;

    /**
     * @param checked  the latest check (models' parameter lists), or null before the first
     * @param reselect called after a rename, with the renamed element's new selection
     */
    NetworkProperties(NetworkDocument document, ResourceBundle messages, Supplier<NetworkCheck.Result> checked,
                      Consumer<Selection> reselect) {
        this.document = document;
        this.messages = messages;
        this.checked = checked;
        this.reselect = reselect;
    }

    /** The rows for {@code selection} (null: the network). */
    List<NetworkPropertyItem> itemsFor(Selection selection) {
        if (selection == null || !selection.existsIn(document.spec())) {
            return network();
        }
        return switch (selection.kind()) {
            case POPULATION -> population(selection.name());
            case SOURCE -> source(selection.name());
            case PROJECTION -> projection(selection.index());
        };
    }

    // ---- the network ----

    private List<NetworkPropertyItem> network() {
        String c = text("network.props.category.network");
        List<NetworkPropertyItem> rows = new ArrayList<>();
        rows.add(text("project-name", c, "network.props.projectName", () -> document.project().name(), v -> {
            String name = v.trim();
            if (name.isEmpty()) {
                throw new IllegalArgumentException(text("network.props.refused.empty"));
            }
            document.editProject(edit("network.props.projectName"), name, document.project().description());
        }, null));
        rows.add(text("project-description", c, "network.props.description", () -> document.project().description(),
                v -> document.editProject(edit("network.props.description"), document.project().name(),
                        v.isBlank() ? null : v), null));
        rows.add(text("dt", c, "network.props.dt", () -> ValueText.n(document.spec().dt()), v -> {
            double dt = positive(v, "dt");
            NetworkSpec s = document.spec();
            document.editSpec(edit("network.props.dt"), x -> NetworkEdits.timing(x, dt, s.duration(), s.seed()));
        }, null));
        rows.add(text("duration", c, "network.props.duration", () -> ValueText.n(document.spec().duration()), v -> {
            double d = ValueText.number(v, "duration");
            if (d < 0) {
                throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.negative"), "duration"));
            }
            NetworkSpec s = document.spec();
            document.editSpec(edit("network.props.duration"), x -> NetworkEdits.timing(x, s.dt(), d, s.seed()));
        }, null));
        rows.add(text("seed", c, "network.props.seed", () -> Long.toString(document.spec().seed()), v -> {
            long seed;
            try {
                seed = Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.whole"), v.trim()));
            }
            NetworkSpec s = document.spec();
            document.editSpec(edit("network.props.seed"), x -> NetworkEdits.timing(x, s.dt(), s.duration(), seed));
        }, null));
        rows.add(readOnly("neurons", c, "network.props.neurons", () -> MessageFormat.format(text("network.props.neurons.value"),
                document.spec().populations().stream().mapToLong(PopulationSpec::size).sum(), document.spec().populations().size())));
        return rows;
    }

    // ---- populations ----

    private List<NetworkPropertyItem> population(String name) {
        String c = text("network.props.category.population");
        List<NetworkPropertyItem> rows = new ArrayList<>();
        Supplier<PopulationSpec> pop = () -> document.spec().population(name);
        rows.add(text("name", c, "network.props.name", () -> name, v -> rename(name, v), null));
        rows.add(text("size", c, "network.props.size", () -> get(pop, p -> Integer.toString(p.size())), v -> {
            int size = wholeAtLeast(v, 1, "size");
            changePopulation(name, "network.props.size", p -> new PopulationSpec(p.name(), size, p.type(), p.model(),
                    p.parameters(), p.initial(), p.positions(), p.voltage()));
        }, null));
        rows.add(choice("type", c, "network.props.type", PopulationSpec.TYPES, () -> get(pop, PopulationSpec::type),
                v -> changePopulation(name, "network.props.type", p -> new PopulationSpec(p.name(), p.size(), v, p.model(),
                        p.parameters(), p.initial(), p.positions(), p.voltage()))));
        rows.add(text("model", c, "network.props.model", () -> get(pop, p -> modelText(p.model())), v -> {
            NeuronRef ref = model(v);
            changePopulation(name, "network.props.model", p -> new PopulationSpec(p.name(), p.size(), p.type(), ref,
                    p.parameters(), p.initial(), p.positions(), p.voltage()));
        }, null));
        rows.add(text("voltage", c, "network.props.voltage", () -> get(pop, PopulationSpec::voltage),
                v -> changePopulation(name, "network.props.voltage", p -> new PopulationSpec(p.name(), p.size(), p.type(),
                        p.model(), p.parameters(), p.initial(), p.positions(), v.isBlank() ? null : v.trim())),
                text("network.props.voltage.default")));
        rows.add(text("positions", c, "network.props.positions", () -> get(pop, p -> PositionText.format(p.positions())), v -> {
            PositionSpec positions = PositionText.parse(v);
            changePopulation(name, "network.props.positions", p -> new PopulationSpec(p.name(), p.size(), p.type(), p.model(),
                    p.parameters(), p.initial(), positions, p.voltage()));
        }, text("network.props.positions.none")));
        NetworkCheck.ModelInfo info = checked.get() == null ? null : checked.get().models().get(name);
        PopulationSpec now = pop.get();
        // Parameters: every one the model has (empty: the model's value) and any the spec sets besides.
        Map<String, String> parameters = new LinkedHashMap<>();
        if (info != null) {
            for (ParameterSpec p : info.parameters()) {
                parameters.put(p.name(), MessageFormat.format(text("network.props.default"), ValueText.n(p.value()), unit(p.unit())));
            }
        }
        now.parameters().keySet().stream().sorted().forEach(k -> parameters.putIfAbsent(k, null));
        String pc = text("network.props.category.parameters");
        parameters.forEach((key, prompt) -> rows.add(text("parameter-" + key, pc, key + unitOf(info, key, true),
                () -> get(pop, p -> ValueText.format(p.parameters().get(key))), v -> {
                    ValueSpec value = ValueText.parse(v);
                    changePopulation(name, null, p -> new PopulationSpec(p.name(), p.size(), p.type(), p.model(),
                            with(p.parameters(), key, value), p.initial(), p.positions(), p.voltage()));
                }, prompt, text("network.props.distribution.help"))));
        Map<String, String> states = new LinkedHashMap<>();
        if (info != null) {
            for (StateSpec s : info.states()) {
                states.put(s.name(), MessageFormat.format(text("network.props.default"), ValueText.n(s.initial()), unit(s.unit())));
            }
        }
        now.initial().keySet().stream().sorted().forEach(k -> states.putIfAbsent(k, null));
        String sc = text("network.props.category.initial");
        states.forEach((key, prompt) -> rows.add(text("initial-" + key, sc, key + unitOf(info, key, false),
                () -> get(pop, p -> ValueText.format(p.initial().get(key))), v -> {
                    ValueSpec value = ValueText.parse(v);
                    changePopulation(name, null, p -> new PopulationSpec(p.name(), p.size(), p.type(), p.model(),
                            p.parameters(), with(p.initial(), key, value), p.positions(), p.voltage()));
                }, prompt, text("network.props.distribution.help"))));
        return rows;
    }

    private void changePopulation(String name, String key, UnaryOperator<PopulationSpec> change) {
        document.editSpec(key == null ? MessageFormat.format(text("network.edit.change"), name)
                : MessageFormat.format(text("network.edit.changeOf"), text(key), name),
                s -> NetworkEdits.population(s, name, change));
    }

    private static String modelText(NeuronRef m) {
        if (m == null) {
            return "";
        }
        if (m.builtin() != null) {
            return m.builtin();
        }
        return m.file() != null ? m.file() : "(inline) " + NetworkLabels.model(m);
    }

    private NeuronRef model(String v) {
        String t = v.trim();
        if (t.endsWith(".model")) {
            return new NeuronRef(null, t, null);
        }
        if (ModelLibrary.names().contains(t)) {
            return NeuronRef.builtin(t);
        }
        throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.model"), t,
                String.join(", ", ModelLibrary.names())));
    }

    // ---- sources ----

    private List<NetworkPropertyItem> source(String name) {
        String c = text("network.props.category.source");
        Supplier<SourceSpec> src = () -> document.spec().source(name);
        List<NetworkPropertyItem> rows = new ArrayList<>();
        rows.add(text("name", c, "network.props.name", () -> name, v -> rename(name, v), null));
        rows.add(readOnly("kind", c, "network.props.kind", () -> get(src, SourceSpec::kind)));
        rows.add(text("size", c, "network.props.size", () -> get(src, s -> Integer.toString(s.size())), v -> {
            int size = wholeAtLeast(v, 1, "size");
            changeSource(name, "network.props.size", s -> new SourceSpec(s.name(), s.kind(), size, s.rateHz(), s.schedule(),
                    s.spikes()));
        }, null));
        if ("poisson".equals(src.get().kind())) {
            rows.add(text("rate", c, "network.props.rate", () -> get(src, s -> s.rateHz() == null ? "" : ValueText.n(s.rateHz())),
                    v -> {
                        Double rate = v.isBlank() ? null : nonNegative(v, "rate");
                        if (rate == null && src.get().schedule() == null) {
                            throw new IllegalArgumentException(text("network.props.refused.rate"));
                        }
                        changeSource(name, "network.props.rate", s -> new SourceSpec(s.name(), s.kind(), s.size(), rate,
                                s.schedule(), s.spikes()));
                    }, null));
        }
        if (src.get().schedule() != null) {
            rows.add(readOnly("schedule", c, "network.props.schedule", () -> get(src, s -> s.schedule() == null ? ""
                    : s.schedule().size() + " steps")));
        }
        return rows;
    }

    private void changeSource(String name, String key, UnaryOperator<SourceSpec> change) {
        document.editSpec(MessageFormat.format(text("network.edit.changeOf"), text(key), name),
                s -> NetworkEdits.source(s, name, change));
    }

    // ---- projections ----

    private List<NetworkPropertyItem> projection(int k) {
        String c = text("network.props.category.projection");
        Supplier<ProjectionSpec> proj = () -> k < document.spec().projections().size() ? document.spec().projections().get(k) : null;
        List<NetworkPropertyItem> rows = new ArrayList<>();
        rows.add(text("name", c, "network.props.name", () -> get(proj, NetworkEdits::projectionName), v -> {
            String n = v.trim();
            if (n.isEmpty()) {
                throw new IllegalArgumentException(text("network.props.refused.empty"));
            }
            for (int i = 0; i < document.spec().projections().size(); i++) {
                if (i != k && NetworkEdits.projectionName(document.spec().projections().get(i)).equals(n)) {
                    throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.taken"), n));
                }
            }
            changeProjection(k, "network.props.name", p -> Projection.of(p).name(n).build());
        }, null));
        rows.add(readOnly("ends", c, "network.props.ends", () -> get(proj, p -> p.pre() + " \u2192 " + p.post())));
        rows.add(text("synapse", c, "network.props.synapse", () -> get(proj, ProjectionSpec::synapse), v -> {
            String s = v.trim();
            if (!SynapseLibrary.names().contains(s) && !ProjectionSpec.GAP_JUNCTION.equals(s) && !s.endsWith(".synapse")) {
                throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.synapse"), s,
                        String.join(", ", SynapseLibrary.names())));
            }
            changeProjection(k, "network.props.synapse", p -> Projection.of(p).synapse(s).build());
        }, null));
        rows.add(choice("output", c, "network.props.output", List.of("current", "conductance"), () -> get(proj, ProjectionSpec::output),
                v -> changeProjection(k, "network.props.output", p -> {
                    Projection b = Projection.of(p).output(v);
                    // A conductance needs a reversal potential: 0 mV (excitatory) until the user gives one.
                    if ("conductance".equals(v) && p.reversal() == null) {
                        b.reversal(0.0);
                    }
                    return b.build();
                })));
        if (proj.get().conductance()) {
            rows.add(text("reversal", c, "network.props.reversal", () -> get(proj, p -> p.reversal() == null ? "" : ValueText.n(p.reversal())),
                    v -> {
                        double e = ValueText.number(v, "reversal");
                        changeProjection(k, "network.props.reversal", p -> Projection.of(p).reversal(e).build());
                    }, null));
        }
        rows.add(text("receptor", c, "network.props.receptor", () -> get(proj, ProjectionSpec::receptor),
                v -> changeProjection(k, "network.props.receptor", p -> Projection.of(p).receptor(v.isBlank() ? null : v.trim()).build()),
                text("network.props.receptor.default")));
        rows.add(text("sign", c, "network.props.sign", () -> get(proj, p -> p.sign() == null ? "" : ValueText.n(p.sign())), v -> {
            Double sign = v.isBlank() ? null : ValueText.number(v, "sign");
            if (sign != null && sign != 1 && sign != -1) {
                throw new IllegalArgumentException(text("network.props.refused.sign"));
            }
            changeProjection(k, "network.props.sign", p -> Projection.of(p).sign(sign).build());
        }, text("network.props.sign.default")));
        rows.add(flag("trainable", c, "network.props.trainable", () -> proj.get() != null && Boolean.TRUE.equals(proj.get().trainable()),
                v -> changeProjection(k, "network.props.trainable", p -> Projection.of(p).trainable(v ? Boolean.TRUE : null).build())));

        String cc = text("network.props.category.connectivity");
        ConnectivitySpec rule = proj.get().connectivity();
        rows.add(choice("rule", cc, "network.props.rule", ConnectivitySpec.RULES, () -> get(proj, p -> p.connectivity() == null ? null
                : p.connectivity().rule()), v -> changeProjection(k, "network.props.rule",
                p -> Projection.of(p).connectivity(withRule(p.connectivity(), v)).build())));
        String r = rule == null ? "" : rule.rule();
        if ("fixed_probability".equals(r)) {
            rows.add(text("p", cc, "network.props.p", () -> get(proj, p -> ValueText.n(p.connectivity().p())), v -> {
                double p = ValueText.number(v, "p");
                if (p < 0 || p > 1) {
                    throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.probability"), "p"));
                }
                changeRule(k, "network.props.p", x -> x.p = p);
            }, null));
        }
        if ("fixed_in_degree".equals(r) || "fixed_out_degree".equals(r)) {
            rows.add(text("degree", cc, "network.props.degree", () -> get(proj, p -> p.connectivity().degree() == null ? ""
                    : p.connectivity().degree().toString()), v -> {
                int d = wholeAtLeast(v, 0, "degree");
                changeRule(k, "network.props.degree", x -> x.degree = d);
            }, null));
        }
        if ("gaussian".equals(r)) {
            rows.add(text("sigma", cc, "network.props.sigma", () -> get(proj, p -> ValueText.n(p.connectivity().sigma())), v -> {
                double s = positive(v, "sigma");
                changeRule(k, "network.props.sigma", x -> x.sigma = s);
            }, null));
            rows.add(text("peak", cc, "network.props.peak", () -> get(proj, p -> ValueText.n(p.connectivity().peak())), v -> {
                double p = ValueText.number(v, "peak");
                if (p < 0 || p > 1) {
                    throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.probability"), "peak"));
                }
                changeRule(k, "network.props.peak", x -> x.peak = p);
            }, null));
        }
        if ("explicit".equals(r)) {
            rows.add(text("file", cc, "network.props.file", () -> get(proj, p -> p.connectivity().file()), v -> {
                String f = v.isBlank() ? null : v.trim();
                changeRule(k, "network.props.file", x -> x.file = f);
            }, null));
            rows.add(readOnly("pairs", cc, "network.props.pairs", () -> get(proj, p -> p.connectivity().pre() == null ? ""
                    : Integer.toString(p.connectivity().pre().size()))));
        }
        if (!"one_to_one".equals(r) && !"explicit".equals(r)) {
            rows.add(flag("allowSelf", cc, "network.props.allowSelf", () -> proj.get() != null && proj.get().connectivity() != null
                    && proj.get().connectivity().selfAllowed(), v -> changeRule(k, "network.props.allowSelf",
                    x -> x.allowSelf = v ? Boolean.TRUE : null)));
        }

        String wc = text("network.props.category.weights");
        rows.add(text("weights", wc, "network.props.weights", () -> get(proj, p -> ValueText.format(p.weights())), v -> {
            ValueSpec w = ValueText.parse(v);
            ProjectionSpec p0 = proj.get();
            if (w == null && (p0.connectivity() == null || !"explicit".equals(p0.connectivity().rule()))) {
                throw new IllegalArgumentException(text("network.props.refused.weights"));
            }
            changeProjection(k, "network.props.weights", p -> Projection.of(p).weights(w).build());
        }, null, text("network.props.distribution.help")));
        rows.add(text("delays", wc, "network.props.delays", () -> get(proj, p -> ValueText.format(p.delays())), v -> {
            ValueSpec d = ValueText.parse(v);
            if (d != null && "kaiming".equals(d.kind())) {
                throw new IllegalArgumentException(text("network.props.refused.kaimingDelay"));
            }
            changeProjection(k, "network.props.delays", p -> Projection.of(p).delays(d).build());
        }, text("network.props.delays.none"), text("network.props.distribution.help")));
        if (!proj.get().gapJunction()) {
            rows.add(text("plasticity", wc, "network.props.plasticity", () -> get(proj, p -> PlasticityText.format(p.plasticity())),
                    v -> {
                        PlasticitySpec stp = PlasticityText.parse(v);
                        changeProjection(k, "network.props.plasticity", p -> Projection.of(p).plasticity(stp).build());
                    }, text("network.props.plasticity.none")));
        }

        List<ParameterSpec> synapse = checked.get() == null ? null : checked.get().synapses().get(proj.get().synapse());
        Map<String, String> sp = new LinkedHashMap<>();
        if (synapse != null) {
            for (ParameterSpec p : synapse) {
                sp.put(p.name(), MessageFormat.format(text("network.props.default"), ValueText.n(p.value()), unit(p.unit())));
            }
        }
        proj.get().synapseParameters().keySet().stream().sorted().forEach(key -> sp.putIfAbsent(key, null));
        String yc = text("network.props.category.synapse");
        sp.forEach((key, prompt) -> rows.add(text("synapse-" + key, yc, key, () -> get(proj, p -> p.synapseParameters().get(key) == null
                ? "" : ValueText.n(p.synapseParameters().get(key))), v -> {
                    Double value = v.isBlank() ? null : ValueText.number(v, key);
                    changeProjection(k, null, p -> {
                        Map<String, Double> m = new LinkedHashMap<>(p.synapseParameters());
                        if (value == null) {
                            m.remove(key);
                        } else {
                            m.put(key, value);
                        }
                        return Projection.of(p).synapseParameters(m).build();
                    });
                }, prompt, null)));
        return rows;
    }

    private void changeProjection(int k, String key, UnaryOperator<ProjectionSpec> change) {
        String name = NetworkEdits.projectionName(document.spec().projections().get(k));
        document.editSpec(key == null ? MessageFormat.format(text("network.edit.change"), name)
                : MessageFormat.format(text("network.edit.changeOf"), text(key), name),
                s -> NetworkEdits.projection(s, k, change));
    }

    private void changeRule(int k, String key, Consumer<Rule> change) {
        changeProjection(k, key, p -> {
            Rule r = Rule.of(p.connectivity());
            change.accept(r);
            return Projection.of(p).connectivity(r.build()).build();
        });
    }

    /** The rule {@code rule} with the numbers it needs: kept where the old rule had them, else sensible starting values. */
    private static ConnectivitySpec withRule(ConnectivitySpec old, String rule) {
        Rule r = Rule.of(old);
        if (rule.equals(r.rule)) {
            return old;
        }
        r.rule = rule;
        switch (rule) {
            case "fixed_probability" -> r.p = r.p != null ? r.p : NetworkEdits.DEFAULT_P;
            case "fixed_in_degree", "fixed_out_degree" -> r.degree = r.degree != null ? r.degree : 10;
            case "gaussian" -> {
                r.sigma = r.sigma != null ? r.sigma : 100.0;
                r.peak = r.peak != null ? r.peak : 1.0;
            }
            case "explicit" -> {
                if (r.file == null) {
                    r.pre = r.pre != null ? r.pre : List.of();
                    r.post = r.post != null ? r.post : List.of();
                }
            }
            default -> { }
        }
        // Numbers the new rule does not read are dropped, so the file says only what matters.
        if (!"fixed_probability".equals(rule)) {
            r.p = null;
        }
        if (!rule.startsWith("fixed_") || "fixed_probability".equals(rule)) {
            r.degree = null;
        }
        if (!"gaussian".equals(rule)) {
            r.sigma = null;
            r.peak = null;
        }
        if (!"explicit".equals(rule)) {
            r.pre = null;
            r.post = null;
            r.file = null;
        }
        return r.build();
    }

    /** A connectivity spec being changed field by field. */
    private static final class Rule {
        String rule;
        Double p;
        Integer degree;
        Boolean allowSelf;
        Double sigma;
        Double peak;
        List<Integer> pre;
        List<Integer> post;
        String file;

        static Rule of(ConnectivitySpec c) {
            Rule r = new Rule();
            if (c != null) {
                r.rule = c.rule();
                r.p = c.p();
                r.degree = c.degree();
                r.allowSelf = c.allowSelf();
                r.sigma = c.sigma();
                r.peak = c.peak();
                r.pre = c.pre();
                r.post = c.post();
                r.file = c.file();
            }
            return r;
        }

        ConnectivitySpec build() {
            return new ConnectivitySpec(rule, p, degree, allowSelf, sigma, peak, pre, post, file);
        }
    }

    /** A projection spec being changed field by field. */
    private static final class Projection {
        private String name;
        private String pre;
        private String post;
        private String synapse;
        private Map<String, Double> synapseParameters;
        private String output;
        private Double reversal;
        private String receptor;
        private String target;
        private ConnectivitySpec connectivity;
        private ValueSpec weights;
        private ValueSpec delays;
        private Double sign;
        private Boolean trainable;
        private PlasticitySpec plasticity;

        static Projection of(ProjectionSpec p) {
            Projection b = new Projection();
            b.name = p.name();
            b.pre = p.pre();
            b.post = p.post();
            b.synapse = p.synapse();
            b.synapseParameters = p.synapseParameters();
            b.output = p.output();
            b.reversal = p.reversal();
            b.receptor = p.receptor();
            b.target = p.target();
            b.connectivity = p.connectivity();
            b.weights = p.weights();
            b.delays = p.delays();
            b.sign = p.sign();
            b.trainable = p.trainable();
            b.plasticity = p.plasticity();
            return b;
        }

        Projection name(String v) {
            name = v;
            return this;
        }

        Projection synapse(String v) {
            synapse = v;
            return this;
        }

        Projection synapseParameters(Map<String, Double> v) {
            synapseParameters = v;
            return this;
        }

        Projection output(String v) {
            output = v;
            return this;
        }

        Projection reversal(Double v) {
            reversal = v;
            return this;
        }

        Projection receptor(String v) {
            receptor = v;
            return this;
        }

        Projection connectivity(ConnectivitySpec v) {
            connectivity = v;
            return this;
        }

        Projection weights(ValueSpec v) {
            weights = v;
            return this;
        }

        Projection delays(ValueSpec v) {
            delays = v;
            return this;
        }

        Projection sign(Double v) {
            sign = v;
            return this;
        }

        Projection trainable(Boolean v) {
            trainable = v;
            return this;
        }

        Projection plasticity(PlasticitySpec v) {
            plasticity = v;
            return this;
        }

        ProjectionSpec build() {
            return new ProjectionSpec(name, pre, post, synapse, synapseParameters, output, reversal, receptor, target,
                    connectivity, weights, delays, sign, trainable, plasticity);
        }
    }

    // ---- shared ----

    private void rename(String from, String to) {
        String n = to.trim();
        if (n.equals(from)) {
            return;
        }
        if (n.isEmpty()) {
            throw new IllegalArgumentException(text("network.props.refused.empty"));
        }
        if (NetworkEdits.taken(document.spec(), n)) {
            throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.taken"), n));
        }
        document.edit(MessageFormat.format(text("network.edit.rename"), from, n), s -> NetworkEdits.renameNode(s, from, n),
                l -> l.renamed(from, n));
        reselect.accept(Selection.node(document.spec(), n));
    }

    private static <T> Map<String, T> with(Map<String, T> map, String key, T value) {
        Map<String, T> m = new LinkedHashMap<>(map);
        if (value == null) {
            m.remove(key);
        } else {
            m.put(key, value);
        }
        return m;
    }

    /** The value of an element that may be gone (a row of a sheet about to be replaced): "" then. */
    private static <T> Object get(Supplier<T> element, Function<T, Object> value) {
        T e = element.get();
        return e == null ? "" : value.apply(e);
    }

    private static String unit(String u) {
        return u == null || u.isBlank() || "1".equals(u) ? "" : " " + u;
    }

    private static String unitOf(NetworkCheck.ModelInfo info, String key, boolean parameter) {
        if (info == null) {
            return "";
        }
        String u = parameter ? info.parameters().stream().filter(p -> p.name().equals(key)).map(ParameterSpec::unit).findFirst().orElse(null)
                : info.states().stream().filter(s -> s.name().equals(key)).map(StateSpec::unit).findFirst().orElse(null);
        return u == null || u.isBlank() || "1".equals(u) ? "" : " (" + u + ")";
    }

    private int wholeAtLeast(String v, int least, String field) {
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.whole"), v.trim()));
        }
        if (n < least) {
            throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.atLeast"), field, least, n));
        }
        return n;
    }

    private double positive(String v, String field) {
        double x = ValueText.number(v, field);
        if (!(x > 0)) {
            throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.positive"), field));
        }
        return x;
    }

    private double nonNegative(String v, String field) {
        double x = ValueText.number(v, field);
        if (x < 0) {
            throw new IllegalArgumentException(MessageFormat.format(text("network.props.refused.negative"), field));
        }
        return x;
    }

    private NetworkPropertyItem text(String id, String category, String key, Supplier<Object> getter, Consumer<String> setter,
                                     String prompt) {
        return text(id, category, text(key), getter, setter, prompt, help(key));
    }

    private NetworkPropertyItem text(String id, String category, String name, Supplier<Object> getter, Consumer<String> setter,
                                     String prompt, String help) {
        return new NetworkPropertyItem(id, category, name, help, NetworkPropertyItem.Editor.TEXT, null, prompt, getter,
                v -> setter.accept(v == null ? "" : v.toString()));
    }

    private NetworkPropertyItem choice(String id, String category, String key, List<String> choices, Supplier<Object> getter,
                                       Consumer<String> setter) {
        return new NetworkPropertyItem(id, category, text(key), help(key), NetworkPropertyItem.Editor.CHOICE, choices, null,
                getter, v -> setter.accept(v.toString()));
    }

    private NetworkPropertyItem flag(String id, String category, String key, Supplier<Object> getter, Consumer<Boolean> setter) {
        return new NetworkPropertyItem(id, category, text(key), help(key), NetworkPropertyItem.Editor.FLAG, null, null, getter,
                v -> setter.accept(Boolean.TRUE.equals(v)));
    }

    private NetworkPropertyItem readOnly(String id, String category, String key, Supplier<Object> getter) {
        return new NetworkPropertyItem(id, category, text(key), help(key), NetworkPropertyItem.Editor.READ_ONLY, null, null,
                getter, null);
    }

    private String help(String key) {
        return messages.containsKey(key + ".help") ? text(key + ".help") : null;
    }

    private String edit(String key) {
        return MessageFormat.format(text("network.edit.changeNetwork"), text(key));
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
