package org.brainfx.engine.net.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeOptions;
import org.brainfx.engine.data.connectome.ConnectomeWriter;
import org.brainfx.engine.data.connectome.Connectomes;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.brainfx.engine.data.connectome.EdgeTypeMapping;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Node-per-neuron networks of the two sample connectomes have the files' nodes and edges, the mapped
 * signs and symmetric gap junctions; their wiring written out as an edge list and NPY reads back equal;
 * bad mappings are refused with the fix.
 */
class NeuronNetworksTest {
    private static final Path CELEGANS = Path.of("..", "sample-projects", "celegans-connectome");
    private static final Path FLY = Path.of("..", "sample-projects", "drosophila-mushroom-body");

    private static NeuronMapping mapping(Path dir) {
        return ConnectomeProjects.readMapping(dir.resolve(dir.getFileName() + ".brainfx.json")).neurons();
    }

    @Test
    void celegansNetworkHasTheTableNodesEdgesSignsAndGapJunctions(@TempDir Path tmp) throws IOException {
        NeuronMapping m = mapping(CELEGANS);
        Connectome c = Connectomes.read(CELEGANS.resolve(m.file()), ConnectomeOptions.DEFAULT
                .withMapping(EdgeTypeMapping.VARSHNEY).withSelfLoops(ConnectomeOptions.SelfLoops.DROP));
        ConnectomeNetwork net = NeuronNetworks.build("worm", m, CELEGANS);
        assertEquals(279, c.nodeCount());
        assertEquals(c.nodeCount(), net.spec().populations().stream().mapToInt(PopulationSpec::size).sum());
        assertEquals(26, net.spec().population("GABAergic").size());
        assertEquals("inhibitory", net.spec().population("GABAergic").type());
        assertEquals("excitatory", net.spec().population("other").type());
        EdgeLayer chemical = c.layer("chemical");
        EdgeLayer electrical = c.layer("electrical");
        assertEquals(chemical.edgeCount(), synapses(net, "chemical ", false));
        assertEquals(electrical.edgeCount() / 2, synapses(net, "electrical ", true), "each gap junction listed once");

        Network built = NetworkFactory.build(write(net, tmp), tmp);
        Connectome wiring = NetworkConnectivity.of(built, net.neurons());
        Connectome expected = c.reordered(net.neurons());
        List<String> gaba = m.groups().get("GABAergic");
        EdgeLayer builtChemical = wiring.layer(NetworkConnectivity.CHEMICAL);
        EdgeLayer expectedChemical = expected.layer("chemical");
        assertEquals(expectedChemical.edgeCount(), builtChemical.edgeCount());
        for (int i = 0; i < expected.nodeCount(); i++) {
            double sign = gaba.contains(expected.nodes().get(i)) ? -1 : 1;
            for (int k = expectedChemical.rowStart(i); k < expectedChemical.rowStart(i + 1); k++) {
                int j = expectedChemical.post(k);
                assertEquals(sign * m.weightScale() * expectedChemical.weight(k), builtChemical.weight(i, j), 1e-9,
                        expected.nodes().get(i) + " -> " + expected.nodes().get(j));
            }
        }
        EdgeLayer builtGap = wiring.layer(NetworkConnectivity.ELECTRICAL);
        assertTrue(builtGap.symmetric());
        EdgeLayer expectedGap = expected.layer("electrical");
        assertEquals(expectedGap.edgeCount(), builtGap.edgeCount());
        for (int i = 0; i < expected.nodeCount(); i++) {
            for (int k = expectedGap.rowStart(i); k < expectedGap.rowStart(i + 1); k++) {
                int j = expectedGap.post(k);
                assertEquals(m.gapScale() * expectedGap.weight(k), builtGap.weight(i, j), 1e-6);
                assertEquals(builtGap.weight(i, j), builtGap.weight(j, i));
            }
        }
        int ashl = net.neurons().indexOf("ASHL");
        assertTrue(builtChemical.rowStart(ashl + 1) > builtChemical.rowStart(ashl), "ASH has outputs");
    }

    @Test
    void theBuiltWiringRoundTripsThroughEdgeListAndNpy(@TempDir Path tmp) throws IOException {
        NeuronMapping m = mapping(CELEGANS);
        ConnectomeNetwork net = NeuronNetworks.build("worm", m, CELEGANS);
        Network built = NetworkFactory.build(write(net, tmp), tmp);
        Connectome wiring = NetworkConnectivity.of(built, net.neurons());
        Path edges = tmp.resolve("edges.csv");
        Path labels = tmp.resolve("labels.txt");
        ConnectomeWriter.writeEdgeList(wiring, edges);
        ConnectomeWriter.writeLabels(wiring.nodes(), labels);
        Connectome back = Connectomes.read(edges, ConnectomeOptions.DEFAULT.withMapping(ConnectomeWriter.mapping(wiring))
                .withSignedWeights(true).withLabels(labels));
        assertTrue(wiring.sameWiring(back), "edge list round trip");
        for (EdgeLayer layer : wiring.layers()) {
            Path npy = tmp.resolve(layer.name() + ".npy");
            ConnectomeWriter.writeNpy(layer, npy);
            Connectome matrix = Connectomes.read(npy, ConnectomeOptions.DEFAULT.withSignedWeights(true)
                    .withRows(ConnectomeOptions.Rows.PRE));
            assertEquals(layer.edgeCount(), matrix.layers().get(0).edgeCount());
            for (int i = 0; i < layer.nodeCount(); i++) {
                for (int k = layer.rowStart(i); k < layer.rowStart(i + 1); k++) {
                    assertEquals(layer.weight(k), matrix.layers().get(0).weight(i, layer.post(k)));
                }
            }
        }
    }

    @Test
    void mushroomBodyNetworkHasTheMatrixCellTypesAndSigns(@TempDir Path tmp) throws IOException {
        NeuronMapping m = mapping(FLY);
        Connectome c = Connectomes.read(FLY.resolve(m.file()), ConnectomeOptions.DEFAULT.withLabels(FLY.resolve(m.labels()))
                .withSelfLoops(ConnectomeOptions.SelfLoops.DROP));
        ConnectomeNetwork net = NeuronNetworks.build("mb", m, FLY);
        NetworkSpec spec = net.spec();
        assertEquals(Map.of("K", 101, "P", 58, "O", 29, "I", 21), sizes(spec));
        assertEquals("excitatory", spec.population("K").type());
        assertEquals("excitatory", spec.population("P").type());
        assertEquals("inhibitory", spec.population("O").type());
        assertEquals("other", spec.population("I").type());
        EdgeLayer layer = c.layers().get(0);
        long fromModulatory = 0;
        for (int i = 0; i < c.nodeCount(); i++) {
            if ("I".equals(c.attributes().type(i))) {
                fromModulatory += layer.rowStart(i + 1) - layer.rowStart(i);
            }
        }
        assertEquals(7425, layer.edgeCount());
        assertEquals(layer.edgeCount() - fromModulatory, synapses(net, layer.name() + " ", false),
                "every edge but the modulatory neurons' (sign 0)");
        assertTrue(spec.projections().stream().noneMatch(p -> p.pre().equals("I")));
        assertTrue(spec.projections().stream().noneMatch(ProjectionSpec::gapJunction));
        long pnToKc = net.files().get(NeuronNetworks.fileName(layer.name(), "P", "K")).size();
        assertTrue(pnToKc > 0 && net.files().get(NeuronNetworks.fileName(layer.name(), "K", "P")) == null,
                "PN -> KC and no KC -> PN, as PROVENANCE says");
        double kk = m.weightScale() * m.pathwayScales().get("K->K");
        PairList kToK = net.files().get(NeuronNetworks.fileName(layer.name(), "K", "K"));
        int firstK = c.attributes().text("type").indexOf("K");
        assertEquals(layer.weight(firstK + kToK.pre()[0], firstK + kToK.post()[0]) * kk, kToK.weight()[0], 1e-12);
        Network built = NetworkFactory.build(write(net, tmp), tmp);
        assertEquals(209, built.neuronCount());
    }

    @Test
    void badMappingsAreRefusedWithTheFix() {
        NeuronMapping m = mapping(FLY);
        Map<String, Double> unknown = new HashMap<>(m.signs());
        unknown.put("MBON", -1.0);
        assertMessage(with(m, unknown, m.file(), m.groupBy()), "'MBON', which is no population");
        Map<String, Double> missing = new HashMap<>(m.signs());
        missing.remove("O");
        assertMessage(with(m, missing, m.file(), m.groupBy()), "population 'O' has no sign; add \"O\"");
        Map<String, Double> half = new HashMap<>(m.signs());
        half.put("O", 0.5);
        assertMessage(with(m, half, m.file(), m.groupBy()), "give 1 (excitatory), -1 (inhibitory) or 0");
        assertMessage(with(m, m.signs(), "data/no_such_file.csv", m.groupBy()), "give the path relative to the project");
        assertMessage(with(m, m.signs(), m.file(), "celltype"), "no such node attribute");
        NeuronMapping worm = mapping(CELEGANS);
        Map<String, List<String>> groups = Map.of("GABAergic", List.of("DD1", "XYZ9"));
        NeuronMapping badName = new NeuronMapping(worm.file(), null, null, worm.edgeTypes(), true, null, groups, null,
                worm.signs(), worm.model(), null, 1.0, null, 0.1, null, null, null, null, null, null, null, null, null);
        assertMessage(badName, "lists 'XYZ9', which is not a neuron");
        Map<String, Double> badScale = Map.of("K->Q", 1.0);
        NeuronMapping badPathway = new NeuronMapping(m.file(), m.labels(), null, null, true, "type", null, null, m.signs(),
                m.model(), null, 1.0, badScale, null, null, null, null, null, null, null, null, null, null);
        assertMessage(badPathway, "'pathwayScales' entry \"K->Q\"");
        NeuronMapping badDelimiter = new NeuronMapping(m.file(), m.labels(), null, null, true, "type", null, null,
                m.signs(), m.model(), null, 1.0, null, null, null, null, null, null, null, null, null, "||", null);
        assertMessage(badDelimiter, "'delimiter' is \"||\"; give one character");
    }

    private static NeuronMapping with(NeuronMapping m, Map<String, Double> signs, String file, String groupBy) {
        return new NeuronMapping(file, m.labels(), m.attributes(), m.edgeTypes(), m.dropSelfLoops(), groupBy, m.groups(),
                m.otherGroup(), signs, m.model(), m.initial(), m.weightScale(), m.pathwayScales(), m.gapScale(),
                m.synapse(), m.synapseParameters(), m.delay(), m.inputs(), m.dt(), m.duration(), m.seed(), m.delimiter(),
                m.header());
    }

    private static void assertMessage(NeuronMapping m, String expected) {
        Path base = m.groupBy() == null ? CELEGANS : FLY;
        String message = assertThrows(NetworkException.class, () -> NeuronNetworks.build("bad", m, base)).getMessage();
        assertTrue(message.contains(expected), message);
    }

    private static Map<String, Integer> sizes(NetworkSpec spec) {
        Map<String, Integer> sizes = new HashMap<>();
        spec.populations().forEach(p -> sizes.put(p.name(), p.size()));
        return sizes;
    }

    private static long synapses(ConnectomeNetwork net, String prefix, boolean gap) {
        return net.spec().projections().stream().filter(p -> p.name().startsWith(prefix) && p.gapJunction() == gap)
                .mapToLong(p -> net.files().get(p.connectivity().file()).size()).sum();
    }

    /** The network with its synapse files and neuron model in {@code dir}, for building there. */
    private static NetworkSpec write(ConnectomeNetwork net, Path dir) throws IOException {
        net.writeFiles(dir);
        Files.copy(CELEGANS.resolve("connectome_lif.model"), dir.resolve("connectome_lif.model"));
        return net.spec();
    }
}
