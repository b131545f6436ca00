package org.brainfx.app.network.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.NetworkBuilder;
import org.brainfx.engine.net.NetworkFactory;
import org.brainfx.engine.net.NetworkProjectFiles;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.SourceSpec;
import org.brainfx.engine.net.ValueSpec;
import org.junit.jupiter.api.Test;

/** The teaching knobs as a spec transformation: Brunel's g and η, weight scale, every weight distribution. */
class SpecScalingTest {
    private static final Path BRUNEL = Path.of("..", "sample-projects", "brunel-balanced");
    private static final ModelSpec LIF = ModelText.parse(String.join("\n",
            "model lif", "state V = 0 mV", "param tau = 20 ms fixed", "input I : mV",
            "dV/dt = (-V + I)/tau", "spike V > 20 mV", "reset V = 10 mV", "integrator exp_euler"));

    @Test
    void brunelsGAndEtaMoveToTheSynchronousRegularSettings() {
        NetworkSpec brunel = NetworkProjectFiles.read(BRUNEL).network();
        assertEquals(5.0, SpecScaling.baselineG(brunel), 1e-12, "g = 0.5 mV / 0.1 mV");
        SpecScaling.Scaled sr = SpecScaling.apply(brunel, new TeachingKnobs(0.45, 3, 1), 5.0);
        assertTrue(sr.unscaled().isEmpty(), sr.unscaled().toString());
        NetworkSpec s = sr.spec();
        assertEquals(3.0, SpecScaling.baselineG(s), 1e-12);
        assertEquals(0.1, weight(s, "E->E"), 1e-12);
        assertEquals(0.3, weight(s, "I->E"), 1e-12);
        assertEquals(0.3, weight(s, "I->I"), 1e-12);
        assertEquals(9000, s.source("ext_E").rateHz(), 1e-9, "η 2 → 0.9");
        assertEquals(brunel.populations(), s.populations());
        assertEquals(brunel.seed(), s.seed());
    }

    @Test
    void theKnobsReachEachOfTheBrunelRegimeSamplesExactly() {
        NetworkSpec brunel = NetworkProjectFiles.read(BRUNEL).network();
        // README: SR g 3 η 2; fast SI g 6 η 4; slow SI g 4.5 η 0.9; the sample's η 2 is input × 1.
        Object[][] regimes = {{"brunel-sr", 3.0, 2.0}, {"brunel-si-fast", 6.0, 4.0}, {"brunel-si-slow", 4.5, 0.9}};
        for (Object[] r : regimes) {
            NetworkSpec want = NetworkProjectFiles.read(BRUNEL.resolve("regimes").resolve(r[0] + ".brainfx.json")).network();
            NetworkSpec got = SpecScaling.apply(brunel, new TeachingKnobs((double) r[2] / 2, (double) r[1], 1), 5.0).spec();
            for (int k = 0; k < want.projections().size(); k++) {
                assertEquals(want.projections().get(k).weights().value(), got.projections().get(k).weights().value(), 1e-12,
                        r[0] + " " + want.projections().get(k).name());
            }
            for (int k = 0; k < want.sources().size(); k++) {
                assertEquals(want.sources().get(k).rateHz(), got.sources().get(k).rateHz(), 1e-9, r[0] + " " + want.sources().get(k).name());
            }
        }
    }

    @Test
    void weightScaleScalesEverySynapseIncludingTheInputsButKeepsG() {
        NetworkSpec brunel = NetworkProjectFiles.read(BRUNEL).network();
        NetworkSpec s = SpecScaling.apply(brunel, new TeachingKnobs(1, 5, 2), 5.0).spec();
        assertEquals(0.2, weight(s, "E->I"), 1e-12);
        assertEquals(1.0, weight(s, "I->E"), 1e-12);
        assertEquals(5.0, SpecScaling.baselineG(s), 1e-12);
        for (var p : s.projections()) {
            if (p.pre().startsWith("ext")) {
                assertEquals(2 * weight(brunel, p.name()), p.weights().value(), 1e-12, p.name());
            }
        }
    }

    @Test
    void scaledDistributionsDrawExactlyTheScaledWeightsFromTheSameSeed() {
        for (ValueSpec w : List.of(ValueSpec.uniform(0.1, 0.3), ValueSpec.normal(0.5, 0.1), ValueSpec.lognormal(-1, 0.5),
                ValueSpec.kaiming(0.5))) {
            NetworkSpec base = network(w);
            NetworkSpec doubled = SpecScaling.apply(base, new TeachingKnobs(1, 1, 2.5), Double.NaN).spec();
            float[] a = synapses(base);
            float[] b = synapses(doubled);
            assertEquals(a.length, b.length);
            for (int k = 0; k < a.length; k++) {
                assertEquals(2.5 * a[k], b[k], 1e-5 * Math.abs(b[k]) + 1e-7, w.kind() + " synapse " + k);
            }
        }
    }

    @Test
    void withoutAProjectGTheKnobIsAFactorOnInhibitoryWeights() {
        NetworkSpec base = network(ValueSpec.kaiming(1));
        assertTrue(Double.isNaN(SpecScaling.baselineG(base)), "Kaiming weights have no nominal size");
        NetworkSpec s = SpecScaling.apply(base, new TeachingKnobs(1, 3, 1), Double.NaN).spec();
        assertEquals(9.0, s.projections().stream().filter(p -> p.pre().equals("I")).findFirst().orElseThrow().weights().scale(), 1e-12);
        assertEquals(1.0, s.projections().stream().filter(p -> p.pre().equals("E")).findFirst().orElseThrow().weights().scale(), 1e-12);
    }

    @Test
    void weightsFromFilesAndTimedSpikesAreNamedAsUnscaled() {
        NetworkSpec spec = NetworkBuilder.network("f").population("E", 4, "excitatory", LIF).add()
                .source(new SourceSpec("T", "spike_times", 1, null, null, List.of(List.of(0.0, 1.0))))
                .projection("T", "E").synapse("delta", Map.of()).connectivity(ConnectivitySpec.allToAll(true))
                .weights(ValueSpec.fromFile("w.txt")).add().build();
        SpecScaling.Scaled s = SpecScaling.apply(spec, new TeachingKnobs(2, 1, 2), Double.NaN);
        assertEquals(2, s.unscaled().size(), s.unscaled().toString());
        assertSame(spec.projections().get(0).weights(), s.spec().projections().get(0).weights());
    }

    @Test
    void negativeOrInfiniteKnobsAreRefusedByName() {
        var e = assertThrows(IllegalArgumentException.class, () -> new TeachingKnobs(1, -1, 1));
        assertTrue(e.getMessage().startsWith("g "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new TeachingKnobs(Double.POSITIVE_INFINITY, 1, 1));
    }

    private static NetworkSpec network(ValueSpec w) {
        return NetworkBuilder.network("w").seed(11)
                .population("E", 40, "excitatory", LIF).add()
                .population("I", 10, "inhibitory", LIF).add()
                .projection("E", "I").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedProbability(0.3)).weights(w).add()
                .projection("I", "E").synapse("delta", Map.of()).connectivity(ConnectivitySpec.fixedProbability(0.3)).weights(w).add()
                .build();
    }

    private static float[] synapses(NetworkSpec spec) {
        Network net = NetworkFactory.build(spec, null);
        float[] e = net.projections().get(0).rows().weight();
        float[] i = net.projections().get(1).rows().weight();
        float[] all = java.util.Arrays.copyOf(e, e.length + i.length);
        System.arraycopy(i, 0, all, e.length, i.length);
        return all;
    }

    private static double weight(NetworkSpec spec, String projection) {
        return spec.projections().stream().filter(p -> p.name().equals(projection)).findFirst().orElseThrow().weights().value();
    }
}
