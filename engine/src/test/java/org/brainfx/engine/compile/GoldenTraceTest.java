package org.brainfx.engine.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.data.RowTraceCsv;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;
import org.brainfx.engine.sim.StepProtocol;
import org.brainfx.engine.sim.SweepInput;
import org.junit.jupiter.api.Test;

/**
 * Exact reproduction of the reference forward pass: the golden traces in
 * {@code src/test/resources/golden} (see its PROVENANCE.md) at every sample within 1e-6 mV.
 */
class GoldenTraceTest {
    static final Path HH_INPUT = Path.of("..", "sample-projects", "data", "hh-traces", "input_traces_hh.csv");

    /** The five GIF step protocols of the paper's GIF fit (Wang et al. 2024, arXiv 2406.19708), in nA and ms. */
    static final List<StepProtocol> GIF_PROTOCOLS = List.of(
            StepProtocol.of(2.0, 200, 0, 800),
            StepProtocol.of(1.5, 500, 0, 500),
            StepProtocol.of(1.5, 100, 0, 500, 0.5, 100, 1.0, 100, 1.5, 100, 0, 100),
            StepProtocol.of(1.5, 20, 0, 180, -1.5, 20, 0, 20, 1.5, 20, 0, 140, 0, 600),
            StepProtocol.of(0, 50, -3.5, 750, 0, 200));

    @Test
    void paperHhVariantWrittenAsUserModelReproducesGoldenTrace() throws Exception {
        String text = resource("/models/hh_paper_variant.model");
        CompiledModel m = ModelCompiler.compile(ModelText.parse(text));
        double[][] input = RowTraceCsv.read(HH_INPUT, 1e9, true);
        double[][] golden = RowTraceCsv.read(golden("hh_paper_variant_target_v.csv"), 1, true);
        int steps = input[0].length;
        SimulationResult r = new Simulator(m).run(LaneValues.defaults(m, input.length),
                SweepInput.tiled(input, 1, 0), steps, 0.01, List.of("V"));
        assertMatches(golden, r);
    }

    @Test
    void builtInGifReproducesGoldenTrace() throws Exception {
        CompiledModel m = ModelCompiler.compile(ModelLibrary.get("gif"));
        double[][] input = GIF_PROTOCOLS.stream().map(p -> p.sample(0.1)).toArray(double[][]::new);
        double[][] golden = RowTraceCsv.read(golden("gif_target_v.csv"), 1, false);
        LaneValues lanes = LaneValues.defaults(m, input.length).setParameter(m.parameterIndex("a"), 0.005);
        SimulationResult r = new Simulator(m).run(lanes, SweepInput.tiled(input, 1, 0), input[0].length, 0.1,
                List.of("V"));
        assertMatches(golden, r);
        int[] expectedSpikes = {10, 5, 3, 0, 0};
        for (int l = 0; l < expectedSpikes.length; l++) {
            assertEquals(expectedSpikes[l], r.spikeCount(l), "spikes in GIF protocol " + (l + 1));
        }
    }

    private static void assertMatches(double[][] golden, SimulationResult r) {
        assertEquals(golden.length, r.traces()[0].length, "number of traces");
        double worst = 0;
        for (int l = 0; l < golden.length; l++) {
            assertEquals(golden[l].length, r.steps(), "samples in trace " + l);
            for (int t = 0; t < golden[l].length; t++) {
                worst = Math.max(worst, Math.abs(golden[l][t] - r.traces()[0][l][t]));
            }
        }
        assertTrue(worst <= 1e-6, "largest deviation from the golden trace: " + worst + " mV");
    }

    static Path golden(String name) throws URISyntaxException {
        return Path.of(GoldenTraceTest.class.getResource("/golden/" + name).toURI());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = GoldenTraceTest.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
