package org.brainfx.engine.net.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.data.SharedData;
import org.brainfx.engine.net.BuiltProjection;
import org.brainfx.engine.net.CurrentSpec;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkResult;
import org.brainfx.engine.net.NetworkSimulator;
import org.brainfx.engine.net.NeuronRef;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.RunOptions;
import org.brainfx.engine.net.SparseRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 29-area network of Joglekar et al. (2018): weights follow FLN (row = target) and the hierarchy
 * gradient, delays the wiring distance over the conduction speed, and the drives the paper's numbers.
 */
class AreaNetworksTest {
    private static final String DIR = "connectomes/";
    private static final String FLN = "macaque_markov2014_29areas_fln.csv";
    private static final String WIRING = "macaque_markov2014_29areas_wiring_distance_mm.csv";
    private static final String HIERARCHY = "macaque_markov2014_29areas_hierarchy.csv";

    private static AreaMapping weak(Path base, int neurons) {
        Path data = SharedData.require(DIR + FLN).getParent();
        return AreaMapping.weakGba(data.resolve(FLN).toString(), data.resolve(WIRING).toString(),
                data.resolve(HIERARCHY).toString(), new NeuronRef(null, "joglekar_lif.model", null), neurons);
    }

    @Test
    void weightsFollowFlnAndHierarchyAndDelaysFollowWiringDistance(@TempDir Path tmp) throws IOException {
        AreaMapping m = weak(tmp, 100);
        AreaNetworks.AreaData data = AreaNetworks.read(m, tmp);
        List<String> areas = data.areas();
        assertEquals(29, areas.size());
        assertEquals(0.732, data.fln(areas.indexOf("V2"), areas.indexOf("V1")), 1e-3, "fln[V1][V2] is V2 -> V1");
        assertEquals(1.0, data.gradient(areas.indexOf("24c")));
        assertEquals(0.0, data.gradient(areas.indexOf("V1")));
        ConnectomeNetwork net = AreaNetworks.build("macaque", m, tmp);
        double scale = 2000.0 / 100;
        int longRange = 0;
        for (ProjectionSpec p : net.spec().projections()) {
            String src = p.pre().substring(0, p.pre().length() - 2);
            String dst = p.post().substring(0, p.post().length() - 2);
            int s = areas.indexOf(src);
            int t = areas.indexOf(dst);
            double gain = 1 + 4 * data.gradient(t);
            assertEquals(0.1, p.connectivity().p());
            assertEquals("delta", p.synapse());
            if (s == t) {
                double expected = switch (p.pre().substring(p.pre().length() - 1) + p.post().substring(p.post().length() - 1)) {
                    case "EE" -> gain * 0.01;
                    case "EI" -> gain * 0.075;
                    case "IE" -> 0.0375;
                    default -> 0.075;
                };
                assertEquals(expected * scale, p.weights().value(), 1e-12, p.name());
                assertEquals(2.0, p.delays().value());
                continue;
            }
            longRange++;
            assertTrue(p.pre().endsWith("_E"), "no inhibitory long-range projections: " + p.name());
            double mu = p.post().endsWith("_E") ? 0.0375 : 0.0475;
            assertEquals(gain * mu * data.fln(s, t) * scale, p.weights().value(), 1e-12, p.name());
            double mean = data.distance(s, t) / 3.5;
            assertEquals(mean, p.delays().mean(), 1e-12);
            assertEquals(0.1 * mean, p.delays().sd(), 1e-12);
        }
        assertEquals(2 * 536, longRange, "an E->E and an E->I projection per non-zero FLN entry");
        assertEquals(29 * 4 + 2 * 536, net.spec().projections().size());
        CurrentSpec noiseE = net.spec().currents().get(0);
        assertEquals("white", noiseE.kind());
        assertEquals(14.2, noiseE.mean());
        assertEquals(3 * Math.sqrt(20 / 0.1), noiseE.sigma(), 1e-12);
        CurrentSpec pulse = net.spec().currents().get(net.spec().currents().size() - 1);
        assertEquals(List.of("V1_E", 15.0, 300.0, 450.0), List.of(pulse.population(), pulse.amplitude(), pulse.start(),
                pulse.stop()));

        Files.writeString(tmp.resolve("joglekar_lif.model"), AreaNetworks.LIF_MODEL);
        Network built = NetworkFactory.build(net.spec(), tmp);
        ProjectionSpec farthest = net.spec().projections().stream().filter(p -> p.delays().mean() != null)
                .max(java.util.Comparator.comparingDouble(p -> p.delays().mean())).orElseThrow();
        BuiltProjection far = built.projections().stream().filter(p -> p.name().equals(farthest.name())).findFirst()
                .orElseThrow();
        SparseRows rows = far.rows();
        double sum = 0;
        double sum2 = 0;
        for (int k = 0; k < rows.synapseCount(); k++) {
            double ms = rows.delay(k) * 0.1;
            sum += ms;
            sum2 += ms * ms;
        }
        int n = rows.synapseCount();
        String pre = farthest.pre().substring(0, farthest.pre().length() - 2);
        String post = farthest.post().substring(0, farthest.post().length() - 2);
        double expected = data.distance(areas.indexOf(pre), areas.indexOf(post)) / 3.5;
        assertTrue(expected > 10, farthest.name() + ": " + expected + " ms");
        assertTrue(n > 400 && n < 1400, "about 0.1 of the pairs: " + n);
        assertEquals(expected, sum / n, 0.1 * expected * 4 / Math.sqrt(n) + 0.05, "mean delay");
        assertEquals(0.1 * expected, Math.sqrt(sum2 / n - sum * sum / n / n), 0.3 * 0.1 * expected + 0.05, "delay sd");

        NetworkResult r = NetworkSimulator.run(built, RunOptions.defaults().withDuration(50.0));
        assertTrue(r.spikeCount() > 0, "the background drive and noise make the areas fire");
    }

    @Test
    void badAreaMappingsAreRefusedWithTheFix(@TempDir Path tmp) {
        AreaMapping m = weak(tmp, 100);
        AreaMapping badArea = new AreaMapping(m.fln(), m.wiring(), m.hierarchy(), m.model(), 100, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, "V9", null, null,
                null, null, null, null);
        String message = assertThrows(NetworkException.class, () -> AreaNetworks.build("x", badArea, tmp)).getMessage();
        assertTrue(message.contains("'stimulusArea' = 'V9' is not an area"), message);
        AreaMapping noFile = new AreaMapping("nowhere/fln.csv", m.wiring(), m.hierarchy(), m.model(), 100, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        message = assertThrows(NetworkException.class, () -> AreaNetworks.build("x", noFile, tmp)).getMessage();
        assertTrue(message.contains("'fln' = nowhere/fln.csv was found neither"), message);
        AreaMapping swapped = new AreaMapping(m.fln(), m.wiring(), m.fln(), m.model(), 100, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
        message = assertThrows(NetworkException.class, () -> AreaNetworks.build("x", swapped, tmp)).getMessage();
        assertTrue(message.contains("header naming its columns"), message);
    }
}
