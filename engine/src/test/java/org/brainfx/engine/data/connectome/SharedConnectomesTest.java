package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.brainfx.engine.data.connectome.ConnectomeOptions.Rows;
import org.junit.jupiter.api.Test;

/**
 * Every file of {@code shared/data/connectomes} read with the counts its PROVENANCE note gives, and
 * the MATLAB and CSV copies of the macaque data read equal to each other.
 */
class SharedConnectomesTest {
    private static final List<String> AREAS = List.of("V1", "V2", "V4", "DP", "MT", "8m", "5", "8l", "TEO", "2", "F1",
            "STPc", "7A", "46d", "10", "9/46v", "9/46d", "F5", "TEpd", "PBr", "7m", "7B", "F2", "STPi", "ProM", "F7",
            "8B", "STPr", "24c");

    @Test
    void celegansVarshneyTable() throws Exception {
        Path file = TestFiles.resource("celegans_varshney2011_NeuronConnect.csv");
        Connectome c = Connectomes.read(file);
        assertEquals("edge-list", c.format());
        assertEquals(279, c.nodeCount());
        assertEquals(Map.of("Rp", 1885, "Sp", 1625, "EJ", 1031, "S", 950, "R", 773, "NMJ", 153), c.rowTypes());
        assertEquals(List.of("chemical", "electrical"), c.layers().stream().map(EdgeLayer::name).toList());
        EdgeLayer chemical = c.layer("chemical");
        EdgeLayer electrical = c.layer("electrical");
        assertFalse(chemical.symmetric());
        assertTrue(electrical.symmetric());

        // independent sums straight from the rows: S+Sp by sender, R+Rp by receiver (the same contacts), EJ
        Map<String, Double> send = new HashMap<>();
        Map<String, Double> receive = new HashMap<>();
        double ej = 0;
        int ejRows = 0;
        Set<String> names = new HashSet<>();
        for (String line : Files.readAllLines(file).subList(1, 6418)) {
            String[] f = line.split(",");
            String a = f[0].strip();
            String b = f[1].strip();
            double n = Double.parseDouble(f[3]);
            switch (f[2]) {
                case "S", "Sp" -> send.merge(a + ">" + b, n, Double::sum);
                case "R", "Rp" -> receive.merge(b + ">" + a, n, Double::sum);
                case "EJ" -> {
                    ej += n;
                    ejRows++;
                }
                default -> { }
            }
            if (!f[2].equals("NMJ") && !f[2].equals("R") && !f[2].equals("Rp")) {
                names.add(a);
                names.add(b);
            }
        }
        assertEquals(send, receive, "the table lists each chemical contact from both sides");
        assertEquals(names, Set.copyOf(c.nodes()));
        assertEquals(send.size(), chemical.edgeCount());
        assertEquals(send.values().stream().mapToDouble(Double::doubleValue).sum(), chemical.weightSum());
        assertEquals(6394, chemical.weightSum());
        for (Map.Entry<String, Double> e : send.entrySet()) {
            String[] pair = e.getKey().split(">");
            assertEquals(e.getValue(), chemical.weight(c.indexOf(pair[0]), c.indexOf(pair[1])), e.getKey());
        }
        // gap junctions are listed both ways: stored once per direction, so the entries are the EJ rows
        assertEquals(ejRows, electrical.edgeCount());
        assertEquals(ej, electrical.weightSum());
        assertEquals(1, electrical.weight(c.indexOf("ADAL"), c.indexOf("ADFL")));
        assertEquals(1, electrical.weight(c.indexOf("ADFL"), c.indexOf("ADAL")));
        assertEquals(3, ConnectomeSummary.of(c).selfLoops(), "RIBL, RIBR and VA8 have gap junctions to themselves");
        assertEquals(-1, c.indexOf("NMJ"));
        assertEquals(-1, c.indexOf("VC6"), "VC6 has only neuromuscular rows, which no layer uses");
    }

    @Test
    void drosophilaMushroomBodyWithCellLabels() throws Exception {
        Path labels = TestFiles.resource("drosophila_larva_mb_left_cell_labels.csv");
        Connectome c = Connectomes.read(TestFiles.resource("drosophila_larva_mb_left_adjacency.csv"),
                ConnectomeOptions.DEFAULT.withLabels(labels));
        assertEquals("adjacency-matrix", c.format());
        assertEquals(209, c.nodeCount());
        EdgeLayer w = c.layers().get(0);
        assertEquals(7425, w.edgeCount());
        assertEquals(25322, w.weightSum());
        ConnectomeSummary summary = ConnectomeSummary.of(c);
        assertEquals(Map.of("I", 21, "K", 101, "O", 29, "P", 58), summary.nodeTypes());
        assertEquals(0, summary.selfLoops());
        assertEquals("K1", c.nodes().get(0));
        assertEquals("K", c.attributes().type(0));
        assertEquals(2404, sum(c, w, "P", "K"));
        assertEquals(0, sum(c, w, "K", "P"));
        assertEquals(0, sum(c, w, "O", "K"));
        for (double v : w.weights()) {
            assertEquals(Math.rint(v), v, "synapse counts are whole numbers");
        }
    }

    private static double sum(Connectome c, EdgeLayer w, String preType, String postType) {
        double total = 0;
        for (int i = 0; i < c.nodeCount(); i++) {
            for (int k = w.rowStart(i); k < w.rowStart(i + 1); k++) {
                if (preType.equals(c.attributes().type(i)) && postType.equals(c.attributes().type(w.post(k)))) {
                    total += w.weight(k);
                }
            }
        }
        return total;
    }

    @Test
    void macaqueFlnCsvIsTargetBySource() throws Exception {
        Connectome fln = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_fln.csv"));
        assertEquals(AREAS, fln.nodes());
        EdgeLayer w = fln.layers().get(0);
        assertEquals(536, w.edgeCount());
        assertEquals(536.0 / 812, ConnectomeSummary.of(fln).density(), 1e-15);
        // the corner cell target\source makes rows postsynaptic: fln[V1][V2] = 0.732 is V2 -> V1
        assertEquals(0.7321572061864212, w.weight(fln.indexOf("V2"), fln.indexOf("V1")));
        double[][] byTarget = new double[29][29];
        double minIn = Double.MAX_VALUE;
        double maxIn = 0;
        for (int target = 0; target < 29; target++) {
            double in = 0;
            for (int source = 0; source < 29; source++) {
                in += w.weight(source, target);
                byTarget[target][source] = w.weight(source, target);
            }
            minIn = Math.min(minIn, in);
            maxIn = Math.max(maxIn, in);
            assertEquals(0, w.weight(target, target));
        }
        assertTrue(minIn > 0.15 && minIn < 0.17 && maxIn > 0.95 && maxIn <= 0.96, minIn + " .. " + maxIn);
        Connectome asPre = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_fln.csv"),
                ConnectomeOptions.DEFAULT.withRows(Rows.PRE));
        assertEquals(0.7321572061864212, asPre.layers().get(0).weight(0, 1), "told rows are presynaptic, it obeys");
    }

    @Test
    void macaqueSlnWiringAndHierarchy() throws Exception {
        Connectome fln = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_fln.csv"),
                ConnectomeOptions.DEFAULT.withNodeAttributes(TestFiles.shared("macaque_markov2014_29areas_hierarchy.csv")));
        double[] hierarchy = fln.attributes().number("hierarchy");
        assertEquals(0, hierarchy[0]);
        assertEquals(3.116, hierarchy[28], 5e-4);
        assertEquals(0.5459753734764864, hierarchy[1]);
        Connectome sln = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_sln.csv"));
        EdgeLayer s = sln.layers().get(0);
        EdgeLayer f = fln.layers().get(0);
        for (int i = 0; i < 29; i++) {
            for (int j = 0; j < 29; j++) {
                double v = s.weight(i, j);
                assertTrue(v >= 0 && v <= 1);
                if (f.weight(i, j) == 0) {
                    assertEquals(0, v, "SLN is 0 wherever FLN is 0");
                }
            }
        }
        Connectome wiring = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_wiring_distance_mm.csv"));
        Connectome combined = fln.withLayer(sln.reordered(fln.nodes()).layers().get(0).withName("sln"))
                .withLayer(wiring.reordered(fln.nodes()).layers().get(0).withName("distance"));
        assertEquals(List.of("weight", "sln", "distance"), combined.layers().stream().map(EdgeLayer::name).toList());
        assertEquals(s.weight(3, 7), combined.layer("sln").weight(3, 7));
        double[][] d = wiring.layers().get(0).toDense();
        double max = 0;
        int asymmetric = 0;
        double worst = 0;
        for (int i = 0; i < 29; i++) {
            for (int j = 0; j < 29; j++) {
                max = Math.max(max, d[i][j]);
                if (d[i][j] != d[j][i]) {
                    asymmetric++;
                    worst = Math.max(worst, Math.abs(d[i][j] - d[j][i]));
                }
            }
        }
        assertEquals(58.2, max);
        assertEquals(4, asymmetric);
        assertEquals(0.7, worst, 1e-9);
    }

    @Test
    void macaqueMatlabFilesEqualTheCsvCopies() throws Exception {
        ConnectomeOptions post = ConnectomeOptions.DEFAULT.withRows(Rows.POST);
        Connectome data = Connectomes.read(TestFiles.shared("macaque_joglekar2018_subgraphData.mat"), post);
        assertEquals("mat-v5", data.format());
        assertEquals(AREAS, data.nodes(), "areaList names the nodes; the containers.Map object is skipped");
        assertEquals(List.of("flnMat", "slnMat"), data.layers().stream().map(EdgeLayer::name).toList());
        Connectome flnCsv = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_fln.csv"));
        Connectome slnCsv = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_sln.csv"));
        assertEquals(flnCsv.layers().get(0).withName("flnMat"), data.layer("flnMat"));
        assertEquals(slnCsv.layers().get(0).withName("slnMat"), data.layer("slnMat"));
        double[] hier = data.attributes().number("hierVals");
        assertNotNull(hier);
        assertNull(data.attributes().number("nNodes"), "a scalar is no per-node attribute");

        Connectome python = Connectomes.read(TestFiles.shared("macaque_joglekar2018_efelenMatpython.mat"), post);
        assertEquals(MatrixNodes.numbered(29), python.nodes());
        assertArrayEquals(data.layer("flnMat").weights(), python.layer("flnMatpython").weights());
        assertArrayEquals(data.layer("flnMat").posts(), python.layer("flnMatpython").posts());

        Connectome withHierarchy = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_fln.csv"),
                ConnectomeOptions.DEFAULT.withNodeAttributes(TestFiles.shared("macaque_joglekar2018_hierValspython.mat")));
        assertArrayEquals(hier, withHierarchy.attributes().number("hierVals"));

        Connectome wiringMat = Connectomes.read(TestFiles.shared("macaque_joglekar2018_subgraphWiring29.mat"), post);
        Connectome wiringCsv = Connectomes.read(TestFiles.shared("macaque_markov2014_29areas_wiring_distance_mm.csv"));
        assertArrayEquals(wiringCsv.layers().get(0).weights(), wiringMat.layer("wiring").weights());
        assertArrayEquals(wiringCsv.layers().get(0).posts(), wiringMat.layer("wiring").posts());
    }
}
