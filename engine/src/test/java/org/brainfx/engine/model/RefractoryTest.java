package org.brainfx.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.sim.InputSource;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;
import org.junit.jupiter.api.Test;

/** {@code refractory PERIOD [hold …]}: read, written, checked, and simulated as Brian2's {@code (unless refractory)}. */
class RefractoryTest {
    private static final String LIF = String.join("\n",
            "model lifr",
            "state V = -65 mV",
            "param tau = 10 ms fixed",
            "input I : mV",
            "dV/dt = (-65 mV - V + I)/tau",
            "spike V > -50 mV",
            "reset V = -70 mV",
            "refractory 2 ms",
            "integrator exp_euler");

    @Test
    void heldStateStaysAtItsResetForPeriodMinusOneStepsAndNoSpikeComesSooner() {
        CompiledModel m = ModelCompiler.compile(ModelText.parse(LIF));
        double dt = 0.1;
        int steps = 2000;
        InputSource drive = (t, in, from, to) -> java.util.Arrays.fill(in[0], from, to, 40.0);
        SimulationResult r = new Simulator(m).run(LaneValues.defaults(m, 1), drive, steps, dt, List.of("V"));
        int[] spikes = r.spikeSteps()[0];
        assertTrue(spikes.length > 5, "a strong drive makes it fire: " + spikes.length);
        double[] v = r.traces()[0][0];
        for (int k = 0; k + 1 < spikes.length; k++) {
            int s = spikes[k];
            assertTrue(spikes[k + 1] - s >= 20, "inter-spike interval at least the refractory period (20 steps)");
            for (int t = s + 1; t <= s + 19; t++) {
                assertEquals(-70.0, v[t], 0.0, "V held at the reset value at step " + t + " after a spike at " + s);
            }
            assertTrue(v[s + 20] > -70.0, "V integrates again 20 steps after the spike");
        }
    }

    @Test
    void textRoundTripsWithAndWithoutHold() {
        ModelSpec spec = ModelText.parse(LIF.replace("refractory 2 ms", "refractory 2 ms hold V"));
        assertEquals(List.of("V"), spec.refractory().hold());
        assertEquals(spec.refractory().hold(), ModelText.parse(ModelText.format(spec)).refractory().hold());
        assertEquals(ModelText.format(spec), ModelText.format(ModelText.parse(ModelText.format(spec))));
        ModelSpec none = ModelText.parse(LIF.replace("refractory 2 ms", "refractory 3 ms hold none"));
        assertEquals(List.of(), none.refractory().hold());
        assertEquals(List.of(), ModelText.parse(ModelText.format(none)).refractory().hold());
        assertEquals(3.0, ModelText.parse(ModelText.format(none)).refractory().period());
        assertEquals(null, ModelText.parse(LIF).refractory().hold(), "no hold list: the reset states");
    }

    @Test
    void badRefractoryDeclarationsNameTheProblem() {
        ModelException notTime = assertThrows(ModelException.class, () -> ModelText.check(LIF.replace("2 ms", "2 mV")));
        assertTrue(notTime.getMessage().contains("must be a time"), notTime.getMessage());
        ModelException unknown = assertThrows(ModelException.class,
                () -> ModelText.check(LIF.replace("refractory 2 ms", "refractory 2 ms hold W")));
        assertTrue(unknown.getMessage().contains("'W' in 'hold' is not a state"), unknown.getMessage());
        ModelException noSpike = assertThrows(ModelException.class,
                () -> ModelText.check(LIF.replace("spike V > -50 mV\n", "").replace("reset V = -70 mV\n", "")));
        assertTrue(noSpike.getMessage().contains("needs a spike condition"), noSpike.getMessage());
        ModelException twice = assertThrows(ModelException.class, () -> ModelText.parse(LIF + "\nrefractory 1 ms"));
        assertTrue(twice.getMessage().contains("a second 'refractory'"), twice.getMessage());
    }
}
