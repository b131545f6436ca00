package org.brainfx.engine.net.connectome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeException;
import org.brainfx.engine.data.connectome.ConnectomeOptions;
import org.brainfx.engine.data.connectome.Connectomes;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.brainfx.engine.data.connectome.EdgeTypeMapping;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.CurrentSpec;
import org.brainfx.engine.net.MonitorSpec;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.ValueSpec;

/** Generates the network of a {@link NeuronMapping}: each connectome node a neuron, populations by group. */
public final class NeuronNetworks {
    /** The folder, relative to the project, of the generated synapse files. */
    public static final String WIRING_DIR = "wiring";

    private NeuronNetworks() {
    }

    /**
     * Reads the connectome and generates the network.
     *
     * @param name    the network's name
     * @param baseDir the project's folder, where file names start
     * @throws NetworkException naming the field or file at fault and the fix
     */
    public static ConnectomeNetwork build(String name, NeuronMapping m, Path baseDir) {
        Connectome c = read(m, baseDir);
        int n = c.nodeCount();
        String[] group = groups(m, c);
        List<String> populations = populations(m, group);
        Map<String, Double> signs = signs(m, populations, c.source());
        for (Map.Entry<String, Double> e : m.pathwayScales().entrySet()) {
            String[] ends = e.getKey().split("->", -1);
            if (ends.length != 2 || !populations.contains(ends[0].trim()) || !populations.contains(ends[1].trim())
                    || e.getValue() == null || !(e.getValue() >= 0)) {
                throw new NetworkException("connectome mapping: 'pathwayScales' entry \"" + e.getKey() + "\": " + e.getValue()
                        + " is not PRE->POST between populations " + populations + " with a factor >= 0; fix the key or"
                        + " the factor");
            }
        }
        int[] pop = new int[n];
        int[] local = new int[n];
        int[] sizes = new int[populations.size()];
        for (int i = 0; i < n; i++) {
            pop[i] = populations.indexOf(group[i]);
            local[i] = sizes[pop[i]]++;
        }
        List<String> neurons = new ArrayList<>();
        for (int p = 0; p < populations.size(); p++) {
            for (int i = 0; i < n; i++) {
                if (pop[i] == p) {
                    neurons.add(c.nodes().get(i));
                }
            }
        }
        List<PopulationSpec> pops = new ArrayList<>();
        for (int p = 0; p < populations.size(); p++) {
            double s = signs.get(populations.get(p));
            String type = s > 0 ? "excitatory" : s < 0 ? "inhibitory" : "other";
            pops.add(new PopulationSpec(populations.get(p), sizes[p], type, m.model(), null, m.initial(), null, null));
        }
        Map<String, PairList> files = new LinkedHashMap<>();
        List<ProjectionSpec> projections = new ArrayList<>();
        for (EdgeLayer layer : c.layers()) {
            if (layer.symmetric()) {
                if (m.gapScale() > 0) {
                    gapJunctions(layer, m, pop, local, populations, files, projections);
                }
            } else {
                chemical(layer, m, pop, local, populations, signs, files, projections);
            }
        }
        List<SourceSpec> sources = new ArrayList<>();
        List<CurrentSpec> currents = new ArrayList<>();
        inputs(m, c, group, pop, local, populations, sources, currents, files, projections);
        NetworkSpec spec = new NetworkSpec(name, "generated from " + m.file() + " by its connectome mapping", m.dt(),
                m.duration(), m.seed(), pops, sources, projections, currents,
                List.of(MonitorSpec.spikes(), MonitorSpec.rates(1.0)));
        return new ConnectomeNetwork(spec, files, neurons);
    }

    private static Connectome read(NeuronMapping m, Path baseDir) {
        Path file = ConnectomeFiles.resolve(m.file(), baseDir, "file");
        ConnectomeOptions options = ConnectomeOptions.DEFAULT;
        if (m.edgeTypes() != null) {
            try {
                options = options.withMapping(EdgeTypeMapping.parse(m.edgeTypes()));
            } catch (IllegalArgumentException e) {
                throw new NetworkException("connectome mapping: 'edgeTypes': " + e.getMessage(), e);
            }
        }
        if (m.dropSelfLoops()) {
            options = options.withSelfLoops(ConnectomeOptions.SelfLoops.DROP);
        }
        if (m.delimiter() != null && m.delimiter().length() != 1) {
            throw new NetworkException("connectome mapping: 'delimiter' is \"" + m.delimiter() + "\"; give one character"
                    + " (\",\", \"\\t\", \";\", \" \" for blanks) or leave it out to find it from the file");
        }
        options = options.withDelimiter(m.delimiter() == null ? null : m.delimiter().charAt(0)).withHeader(m.header());
        if (m.labels() != null) {
            options = options.withLabels(ConnectomeFiles.resolve(m.labels(), baseDir, "labels"));
        }
        if (m.attributes() != null) {
            options = options.withNodeAttributes(ConnectomeFiles.resolve(m.attributes(), baseDir, "attributes"));
        }
        try {
            return Connectomes.read(file, options);
        } catch (ConnectomeException e) {
            throw new NetworkException("connectome mapping: " + e.getMessage(), e);
        }
    }

    /**
     * The populations of the neurons grouped by {@link #groups}, in the network's order: the named
     * lists' order then {@code otherGroup}, or the attribute values in order of first appearance
     * (only those that hold a neuron).
     */
    public static List<String> populations(NeuronMapping m, String[] group) {
        List<String> populations = new ArrayList<>();
        if (m.groupBy() == null) {
            m.groups().keySet().stream().filter(g -> contains(group, g)).forEach(populations::add);
            if (contains(group, m.otherGroup())) {
                populations.add(m.otherGroup());
            }
        } else {
            for (String g : group) {
                if (!populations.contains(g)) {
                    populations.add(g);
                }
            }
        }
        return populations;
    }

    /**
     * Each node's population under the mapping's {@code groupBy}, {@code groups} and {@code otherGroup}
     * (the other settings are not used), in node order.
     *
     * @throws NetworkException naming the attribute or neuron at fault and the fix
     */
    public static String[] groups(NeuronMapping m, Connectome c) {
        int n = c.nodeCount();
        String[] group = new String[n];
        if (m.groupBy() != null) {
            List<String> values = c.attributes().text(m.groupBy());
            if (values == null) {
                throw new NetworkException("connectome mapping: 'groupBy' = '" + m.groupBy() + "', but " + c.source()
                        + " has no such node attribute (text attributes: " + c.attributes().textNames()
                        + "); name one of them or give a labels/attributes file with it");
            }
            for (int i = 0; i < n; i++) {
                String v = values.get(i);
                group[i] = v == null || v.isBlank() ? m.otherGroup() : v;
            }
            return group;
        }
        Map<String, Integer> index = c.nodeIndex();
        for (Map.Entry<String, List<String>> e : m.groups().entrySet()) {
            for (String neuron : e.getValue()) {
                Integer i = index.get(neuron.trim());
                if (i == null) {
                    throw new NetworkException("connectome mapping: group '" + e.getKey() + "' lists '" + neuron
                            + "', which is not a neuron of " + c.source() + " (e.g. " + c.nodes().subList(0,
                            Math.min(5, n)) + "); correct or remove the name");
                }
                if (group[i] != null) {
                    throw new NetworkException("connectome mapping: neuron '" + neuron + "' is listed in group '"
                            + group[i] + "' and in group '" + e.getKey() + "'; list it in one group");
                }
                group[i] = e.getKey();
            }
        }
        for (int i = 0; i < n; i++) {
            if (group[i] == null) {
                group[i] = m.otherGroup();
            }
        }
        return group;
    }

    private static Map<String, Double> signs(NeuronMapping m, List<String> populations, String source) {
        for (Map.Entry<String, Double> e : m.signs().entrySet()) {
            if (!populations.contains(e.getKey())) {
                throw new NetworkException("connectome mapping: 'signs' names '" + e.getKey() + "', which is no population of "
                        + source + " (populations: " + populations + "); use one of these names");
            }
            Double s = e.getValue();
            if (s == null || (s != 1 && s != -1 && s != 0)) {
                throw new NetworkException("connectome mapping: sign of '" + e.getKey() + "' is " + s
                        + "; give 1 (excitatory), -1 (inhibitory) or 0 (modulatory: no fast chemical synapses)");
            }
        }
        for (String p : populations) {
            if (!m.signs().containsKey(p)) {
                throw new NetworkException("connectome mapping: population '" + p + "' has no sign; add \"" + p
                        + "\": 1 (excitatory), -1 (inhibitory) or 0 (modulatory) to 'signs'");
            }
        }
        return m.signs();
    }

    private static void chemical(EdgeLayer layer, NeuronMapping m, int[] pop, int[] local, List<String> populations,
                                 Map<String, Double> signs, Map<String, PairList> files, List<ProjectionSpec> out) {
        int p = populations.size();
        Pairs[][] pairs = new Pairs[p][p];
        double[][] factor = new double[p][p];
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                Double f = null;
                for (Map.Entry<String, Double> e : m.pathwayScales().entrySet()) {
                    String[] ends = e.getKey().split("->", -1);
                    if (ends[0].trim().equals(populations.get(a)) && ends[1].trim().equals(populations.get(b))) {
                        f = e.getValue();
                    }
                }
                factor[a][b] = f == null ? 1 : f;
            }
        }
        for (int i = 0; i < layer.nodeCount(); i++) {
            if (signs.get(populations.get(pop[i])) == 0) {
                continue;
            }
            for (int k = layer.rowStart(i); k < layer.rowStart(i + 1); k++) {
                int j = layer.post(k);
                Pairs pr = pairs[pop[i]][pop[j]];
                if (pr == null) {
                    pr = pairs[pop[i]][pop[j]] = new Pairs();
                }
                pr.add(local[i], local[j], layer.weight(k) * m.weightScale() * factor[pop[i]][pop[j]]);
            }
        }
        ValueSpec delays = m.delay() == null ? null : ValueSpec.constant(m.delay());
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                if (pairs[a][b] == null) {
                    continue;
                }
                String name = layer.name() + " " + populations.get(a) + "->" + populations.get(b);
                String file = fileName(layer.name(), populations.get(a), populations.get(b));
                files.put(file, pairs[a][b].list());
                out.add(new ProjectionSpec(name, populations.get(a), populations.get(b), m.synapse(),
                        m.synapseParameters(), "current", null, null, null, explicit(file, !m.dropSelfLoops()), null,
                        delays, null, null, null));
            }
        }
    }

    private static void gapJunctions(EdgeLayer layer, NeuronMapping m, int[] pop, int[] local, List<String> populations,
                                     Map<String, PairList> files, List<ProjectionSpec> out) {
        int p = populations.size();
        Pairs[][] pairs = new Pairs[p][p];
        for (int i = 0; i < layer.nodeCount(); i++) {
            for (int k = layer.rowStart(i); k < layer.rowStart(i + 1); k++) {
                int j = layer.post(k);
                if (j <= i) {
                    continue;
                }
                int x = i;
                int y = j;
                if (pop[x] > pop[y]) {
                    x = j;
                    y = i;
                }
                Pairs pr = pairs[pop[x]][pop[y]];
                if (pr == null) {
                    pr = pairs[pop[x]][pop[y]] = new Pairs();
                }
                pr.add(local[x], local[y], layer.weight(k) * m.gapScale());
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = a; b < p; b++) {
                if (pairs[a][b] == null) {
                    continue;
                }
                String name = layer.name() + " " + populations.get(a) + "<->" + populations.get(b);
                String file = fileName(layer.name(), populations.get(a), populations.get(b));
                files.put(file, pairs[a][b].list());
                out.add(new ProjectionSpec(name, populations.get(a), populations.get(b), ProjectionSpec.GAP_JUNCTION,
                        null, null, null, null, null, explicit(file, false), null, null, null, null, null));
            }
        }
    }

    private static void inputs(NeuronMapping m, Connectome c, String[] group, int[] pop, int[] local,
                               List<String> populations, List<SourceSpec> sources, List<CurrentSpec> currents,
                               Map<String, PairList> files, List<ProjectionSpec> projections) {
        Map<String, Integer> index = c.nodeIndex();
        for (int k = 0; k < m.inputs().size(); k++) {
            NeuronInput in = m.inputs().get(k);
            String where = "connectome mapping: input " + (k + 1) + (in.name() == null ? "" : " ('" + in.name() + "')");
            List<Integer> nodes = new ArrayList<>();
            for (String neuron : in.neurons()) {
                Integer i = index.get(neuron.trim());
                if (i == null) {
                    throw new NetworkException(where + ": '" + neuron + "' is not a neuron of " + c.source()
                            + "; correct or remove the name");
                }
                nodes.add(i);
            }
            for (String g : in.groups()) {
                if (!populations.contains(g)) {
                    throw new NetworkException(where + ": group '" + g + "' is no population (populations: " + populations
                            + ")");
                }
                for (int i = 0; i < group.length; i++) {
                    if (group[i].equals(g) && !nodes.contains(i)) {
                        nodes.add(i);
                    }
                }
            }
            if (nodes.isEmpty()) {
                throw new NetworkException(where + ": no neurons; list some in 'neurons' or 'groups'");
            }
            Map<Integer, List<Integer>> byPopulation = new LinkedHashMap<>();
            for (int i : nodes) {
                byPopulation.computeIfAbsent(pop[i], x -> new ArrayList<>()).add(local[i]);
            }
            switch (in.kind() == null ? "" : in.kind()) {
                case "step" -> byPopulation.forEach((p, neurons) -> currents.add(new CurrentSpec(populations.get(p), null,
                        "step", in.amplitude(), in.start(), in.stop(), null, null, null, neurons)));
                case "poisson" -> {
                    String source = in.name() != null ? in.name() : "input" + (k + 1);
                    sources.add(new SourceSpec(source, "poisson", nodes.size(), in.rateHz(), in.schedule(), null));
                    if (in.weight() == null || !(in.weight() >= 0)) {
                        throw new NetworkException(where + ": a poisson input needs 'weight' >= 0 (each spike's synapse"
                                + " magnitude)");
                    }
                    int channel = 0;
                    for (Map.Entry<Integer, List<Integer>> e : byPopulation.entrySet()) {
                        Pairs pr = new Pairs();
                        for (int post : e.getValue()) {
                            pr.add(channel++, post, in.weight());
                        }
                        String post = populations.get(e.getKey());
                        String file = fileName(source, "input", post);
                        files.put(file, pr.list());
                        projections.add(new ProjectionSpec(source + "->" + post, source, post, m.synapse(),
                                m.synapseParameters(), "current", null, null, null, explicit(file, false), null,
                                m.delay() == null ? null : ValueSpec.constant(m.delay()), null, null, null));
                    }
                }
                default -> throw new NetworkException(where + ": kind '" + in.kind() + "' is not 'step' or 'poisson'");
            }
        }
    }

    private static ConnectivitySpec explicit(String file, boolean allowSelf) {
        return new ConnectivitySpec("explicit", null, null, allowSelf ? Boolean.TRUE : null, null, null, null, null, file);
    }

    static String fileName(String layer, String pre, String post) {
        return WIRING_DIR + "/" + safe(layer) + "_" + safe(pre) + "_to_" + safe(post) + ".csv";
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_").toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String[] values, String v) {
        for (String s : values) {
            if (s.equals(v)) {
                return true;
            }
        }
        return false;
    }

    /** Growable synapse lists. */
    private static final class Pairs {
        private int[] pre = new int[16];
        private int[] post = new int[16];
        private double[] weight = new double[16];
        private int n;

        void add(int i, int j, double w) {
            if (n == pre.length) {
                pre = Arrays.copyOf(pre, 2 * n);
                post = Arrays.copyOf(post, 2 * n);
                weight = Arrays.copyOf(weight, 2 * n);
            }
            pre[n] = i;
            post[n] = j;
            weight[n++] = w;
        }

        PairList list() {
            return new PairList(Arrays.copyOf(pre, n), Arrays.copyOf(post, n),
                    Arrays.copyOf(weight, n));
        }
    }
}
