package org.brainfx.engine.grad;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.loss.TraceMse;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.sim.InputSource;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.NonFiniteStateException;
import org.junit.jupiter.api.Test;

/** Storage strategies, lane independence and divergence reports of the reverse pass. */
class BpttTest {
    private static final double DT = 0.025;

    private static InputSource step(double amplitude) {
        return (t, in, from, to) -> java.util.Arrays.fill(in[0], from, to, t < 100 ? 0 : amplitude);
    }

    private static TraceMse flatTarget(int lanes, int steps) {
        double[] target = new double[steps];
        java.util.Arrays.fill(target, -60);
        return new TraceMse(0, new double[][] {target}, new int[lanes], 7, steps);
    }

    @Test
    void checkpointedGradientsEqualStoredOnes() {
        CompiledModel m = ModelCompiler.compile(ModelLibrary.get("hh"));
        int steps = 3000;
        LaneValues lanes = LaneValues.defaults(m, 3);
        lanes.setParameter(m.parameterIndex("gNa"), 1, 30);
        lanes.setParameter(m.parameterIndex("gK"), 2, 4);
        GradientResult stored = new Bptt(m).gradient(lanes, step(1.0), steps, DT, flatTarget(3, steps));
        GradientResult checkpointed = new Bptt(m).memoryBudget(1000).gradient(lanes, step(1.0), steps, DT,
                flatTarget(3, steps));
        assertFalse(stored.checkpointed());
        assertTrue(checkpointed.checkpointed());
        assertArrayEquals(stored.loss(), checkpointed.loss());
        for (int p = 0; p < m.parameterCount(); p++) {
            assertArrayEquals(stored.gradParameters()[p], checkpointed.gradParameters()[p]);
        }
        for (int s = 0; s < m.stateCount(); s++) {
            assertArrayEquals(stored.gradInitialState()[s], checkpointed.gradInitialState()[s]);
        }
    }

    /** The memory bar: 10 000 steps × 1 000 lanes × 4 states run inside the test JVM's 2 GB heap. */
    @Test
    void longManyLaneGradientFitsInTwoGigabytes() {
        assertTrue(Runtime.getRuntime().maxMemory() <= (2L << 30) + (64L << 20), "the test JVM runs with -Xmx2g");
        CompiledModel m = ModelCompiler.compile(ModelLibrary.get("gif"));
        int steps = 10_000;
        int lanes = 1_000;
        double[] target = new double[steps];
        java.util.Arrays.fill(target, -60);
        InputSource in = (t, arr, from, to) -> java.util.Arrays.fill(arr[0], from, to, t < 1000 ? 0 : 1.8);
        GradientResult g = new Bptt(m).gradient(LaneValues.defaults(m, lanes), in, steps, 0.1,
                new TraceMse(0, new double[][] {target}, new int[lanes], 1, steps));
        assertTrue(g.checkpointed(), "states are checkpointed rather than all stored");
        assertTrue(Double.isFinite(g.gradParameters()[m.parameterIndex("a")][lanes - 1]));
    }

    @Test
    void lanesAreIndependentAndParallelChunksAgreeWithSingleLanes() {
        CompiledModel m = ModelCompiler.compile(ModelLibrary.get("hh"));
        int steps = 800;
        int n = 200;
        LaneValues lanes = LaneValues.defaults(m, n);
        int gNa = m.parameterIndex("gNa");
        for (int l = 0; l < n; l++) {
            lanes.setParameter(gNa, l, 10 + 0.1 * l);
        }
        GradientResult all = new Bptt(m).gradient(lanes, step(1.5), steps, DT, flatTarget(n, steps));
        for (int l : new int[] {0, 77, 199}) {
            LaneValues one = LaneValues.defaults(m, 1).setParameter(gNa, 10 + 0.1 * l);
            GradientResult single = new Bptt(m).gradient(one, step(1.5), steps, DT, flatTarget(1, steps));
            assertEquals(single.loss()[0], all.loss()[l], 0.0, "loss of lane " + l);
            for (int p = 0; p < m.parameterCount(); p++) {
                assertEquals(single.gradParameters()[p][0], all.gradParameters()[p][l], 0.0, "gradient of lane " + l);
            }
        }
    }

    @Test
    void divergenceIsReportedWithStepLaneStateAndParameters() {
        CompiledModel m = ModelCompiler.compile(ModelText.parse(String.join("\n",
                "model runaway",
                "state x = 1 mV",
                "param k = 1 /ms",
                "dx/dt = k*x",
                "integrator euler")));
        LaneValues lanes = LaneValues.defaults(m, 2).setParameter(0, 1, 5e4);
        NonFiniteStateException e = assertThrows(NonFiniteStateException.class,
                () -> new Bptt(m).gradient(lanes, InputSource.NONE, 1000, 0.1, flatTarget(2, 1000)));
        assertEquals(1, e.lane());
        assertEquals("x", e.variable());
        assertTrue(e.getMessage().contains("k=50000.0"), e.getMessage());
        assertTrue(e.getMessage().contains("step " + e.step()), e.getMessage());
    }

    /**
     * A steep map with a flat trajectory: x stays 0, so the loss is finite, but each step multiplies
     * the adjoint by about dt·g = 1e99 and it overflows within a few steps. A lenient pass keeps the
     * loss, drops only that lane's gradient and says so; the other lane is untouched.
     */
    @Test
    void anOverflowingAdjointKeepsTheLossAndDropsOnlyThatLanesGradient() {
        CompiledModel m = ModelCompiler.compile(ModelText.parse(String.join("\n",
                "model steep",
                "state x = 0 mV",
                "param g = 1 /mV",
                "param b = 0.5 mV/ms",
                "const r = 1 mV/ms",
                "dx/dt = r*tanh(g*x) + b",
                "integrator euler")));
        int steps = 50;
        LaneValues lanes = LaneValues.defaults(m, 2).setParameter(m.parameterIndex("g"), 1, 1e100)
                .setParameter(m.parameterIndex("b"), 1, 0);
        GradientResult g = new Bptt(m).lenient(true).gradient(lanes, InputSource.NONE, steps, 0.1, flatTarget(2, steps));
        double[] forward = new Bptt(m).lenient(true).loss(lanes, InputSource.NONE, steps, 0.1, flatTarget(2, steps));
        assertArrayEquals(forward, g.loss(), "losses of both lanes as the forward pass has them");
        assertTrue(Double.isFinite(g.loss()[1]) && g.loss()[1] > 0, "the steep lane's loss is kept: " + g.loss()[1]);
        assertFalse(g.gradientDropped()[0]);
        assertTrue(g.gradientDropped()[1]);
        assertEquals(1, g.droppedLanes());
        for (int p = 0; p < m.parameterCount(); p++) {
            assertEquals(0.0, g.gradParameters()[p][1], "no gradient from the overflowed lane");
        }
        GradientResult single = new Bptt(m).lenient(true).gradient(LaneValues.defaults(m, 1).setParameter(
                m.parameterIndex("b"), 0, 0.5), InputSource.NONE, steps, 0.1, flatTarget(1, steps));
        assertEquals(single.gradParameters()[m.parameterIndex("b")][0], g.gradParameters()[m.parameterIndex("b")][0], 0.0);
        assertTrue(g.gradParameters()[m.parameterIndex("b")][0] != 0);
    }
}
