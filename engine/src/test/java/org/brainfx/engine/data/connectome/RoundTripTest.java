package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Connectivity written out as an edge list, .npy and .npz, and read back equal. */
class RoundTripTest {
    @TempDir
    Path dir;

    /** The C. elegans connectome with attributes, isolated nodes and awkward names added. */
    private static Connectome celegansWithAttributes() throws Exception {
        Connectome c = Connectomes.read(TestFiles.resource("celegans_varshney2011_NeuronConnect.csv"));
        int n = c.nodeCount();
        List<String> types = new ArrayList<>();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            types.add(i % 7 == 0 ? null : i % 2 == 0 ? "motor" : "inter, \"ring\"");
            x[i] = i % 5 == 0 ? Double.NaN : i * 0.1 + 1.0 / 3;
        }
        Map<String, List<String>> texts = new LinkedHashMap<>();
        texts.put(NodeAttributes.TYPE, types);
        return c.withAttributes(NodeAttributes.of(n, texts, Map.of(NodeAttributes.X, x)));
    }

    @Test
    void edgeListWithLabelsAndAttributesReadsBackTheSameWiring() throws Exception {
        Connectome c = celegansWithAttributes();
        Path edges = dir.resolve("edges.csv");
        Path labels = dir.resolve("labels.txt");
        Path nodes = dir.resolve("nodes.csv");
        ConnectomeWriter.writeEdgeList(c, edges);
        ConnectomeWriter.writeLabels(c.nodes(), labels);
        ConnectomeWriter.writeNodeAttributes(c, nodes);
        Connectome back = Connectomes.read(edges, ConnectomeOptions.DEFAULT.withMapping(ConnectomeWriter.mapping(c))
                .withLabels(labels).withNodeAttributes(nodes));
        assertTrue(back.sameWiring(c));
        assertEquals(c.layers(), back.layers());
        assertEquals(c.attributes(), back.attributes());
    }

    @Test
    void reorderedMovesLayersAndAttributesAndBackIsTheSame() throws Exception {
        Connectome c = celegansWithAttributes();
        List<String> reversed = new ArrayList<>(c.nodes());
        Collections.reverse(reversed);
        Connectome r = c.reordered(reversed);
        int n = c.nodeCount();
        assertEquals(c.layer("chemical").weight(c.indexOf("AVAL"), c.indexOf("AVAR")),
                r.layer("chemical").weight(n - 1 - c.indexOf("AVAL"), n - 1 - c.indexOf("AVAR")));
        assertTrue(r.layer("electrical").symmetric());
        assertEquals(c.attributes().type(0), r.attributes().type(n - 1));
        assertTrue(r.reordered(c.nodes()).sameWiring(c));
        assertThrows(IllegalArgumentException.class, () -> c.reordered(c.nodes().subList(1, n)));
        List<String> twice = new ArrayList<>(c.nodes());
        twice.set(1, twice.get(0));
        assertThrows(IllegalArgumentException.class, () -> c.reordered(twice));
    }

    @Test
    void npzKeepsNodesLayersAndAttributes() throws Exception {
        Connectome c = celegansWithAttributes();
        Path npz = dir.resolve("celegans.npz");
        ConnectomeWriter.writeNpz(c, npz);
        Connectome back = Connectomes.read(npz);
        assertEquals(c.nodes(), back.nodes());
        assertEquals(c.attributes(), back.attributes());
        for (EdgeLayer layer : c.layers()) {
            EdgeLayer read = back.layer(layer.name());
            assertArrayEquals(layer.rowStarts(), read.rowStarts());
            assertArrayEquals(layer.posts(), read.posts());
            assertArrayEquals(layer.weights(), read.weights(), "weights bit for bit");
        }
    }

    @Test
    void npyAndLabelsOfARandomSignedLayer() throws Exception {
        int n = 300;
        Random random = new Random(13);
        double[][] w = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                w[i][j] = random.nextDouble() < 0.05 ? random.nextGaussian() * 1e-3 : 0;
            }
        }
        EdgeLayer layer = EdgeLayer.ofDense("weight", false, w);
        Path npy = dir.resolve("w.npy");
        Path labels = dir.resolve("labels.txt");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("n" + i);
        }
        ConnectomeWriter.writeNpy(layer, npy);
        ConnectomeWriter.writeLabels(names, labels);
        Connectome back = Connectomes.read(npy, ConnectomeOptions.DEFAULT.withSignedWeights(true).withLabels(labels));
        assertEquals(names, back.nodes());
        assertEquals(layer, back.layer("weight"));
        Connectome asEdges = new Connectome("memory", "test", names, null, List.of(layer), Map.of());
        Path edges = dir.resolve("w.csv");
        ConnectomeWriter.writeEdgeList(asEdges, edges);
        Connectome fromEdges = Connectomes.read(edges, ConnectomeOptions.DEFAULT.withSignedWeights(true)
                .withLabels(labels).withMapping(ConnectomeWriter.mapping(asEdges)));
        assertEquals(layer, fromEdges.layer("weight"));
    }
}
