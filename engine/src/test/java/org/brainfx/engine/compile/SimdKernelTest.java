package org.brainfx.engine.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.net.BenchmarkNetworks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The SIMD kernels ({@link VectorKernelEmitter}): the vector step and its scalar twin give the same
 * bits for every lane, whatever the range of lanes a call gets and before and after the JIT compiles
 * them; both stay within rounding of the ordinary kernel; {@link KernelMath#expArith} is an accurate
 * exponential.
 */
class SimdKernelTest {
    private static final int LANES = 37;

    @BeforeAll
    static void vectorModuleLoaded() {
        assertTrue(VectorKernelEmitter.available(), "tests run with --add-modules " + VectorKernelEmitter.MODULE
                + " (the surefire argLine); without it no SIMD kernel is generated and nothing here is tested");
    }

    @Test
    void expArithIsWithinTwoUlpOfMathExp() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 1_000_000; i++) {
            double x = i < 500_000 ? rng.nextDouble(-707, 709.78) : rng.nextDouble(-1, 1) * Math.pow(10, rng.nextInt(-12, 2));
            double want = Math.exp(x);
            double got = KernelMath.expArith(x);
            assertTrue(Math.abs(got - want) <= 2 * Math.ulp(want), "x " + x + ": " + got + " vs " + want);
        }
        assertEquals(1.0, KernelMath.expArith(0.0));
        assertEquals(Math.E, KernelMath.expArith(1.0), Math.ulp(Math.E));
        assertTrue(Double.isNaN(KernelMath.expArith(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, KernelMath.expArith(Double.POSITIVE_INFINITY));
        assertEquals(Double.POSITIVE_INFINITY, KernelMath.expArith(710));
        assertEquals(0.0, KernelMath.expArith(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, KernelMath.expArith(-708));
        assertEquals(Math.exp(709.7), KernelMath.expArith(709.7), 2 * Math.ulp(Math.exp(709.7)));
        assertEquals(Math.exp(-707.4), KernelMath.expArith(-707.4), 2 * Math.ulp(Math.exp(-707.4)));
    }

    @Test
    void exprelArithAgreesWithExprel() {
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            double z = rng.nextDouble(-30, 30) * (i % 2 == 0 ? 1 : 0.02);
            assertEquals(KernelMath.exprel(z), KernelMath.exprelArith(z), 4 * Math.ulp(KernelMath.exprel(z)), "z " + z);
        }
        assertEquals(1.0, KernelMath.exprelArith(0.0));
        assertEquals(KernelMath.sigmoid(3.5), KernelMath.sigmoidArith(3.5), 1e-16);
    }

    @Test
    void everyBuiltInModelHasASimdStepEqualToItsTwinBitForBit() {
        for (ModelSpec spec : models()) {
            StepKernel k = ModelCompiler.compile(spec).kernel();
            assertTrue(k.hasSimd(), spec.name() + " has no SIMD step");
            Lanes x = new Lanes(ModelCompiler.compile(spec), 11);
            double[][] simd = x.step(k, true, 0, LANES);
            double[][] twin = x.step(k, false, 0, LANES);
            assertBitsEqual(spec.name(), twin, simd);
            // Three calls splitting the lanes where no vector boundary falls: same bits lane for lane.
            Lanes y = new Lanes(ModelCompiler.compile(spec), 11);
            y.step(k, true, 0, 5);
            y.step(k, true, 5, 22);
            assertBitsEqual(spec.name() + " split", simd, y.step(k, true, 22, LANES));
            // The ordinary kernel (Math.exp, exprel's own branch) agrees to rounding.
            double[][] plain = x.plain(k);
            for (int r = 0; r < plain.length; r++) {
                for (int i = 0; i < LANES; i++) {
                    assertEquals(plain[r][i], simd[r][i], 1e-12 * Math.max(1, Math.abs(plain[r][i])),
                            spec.name() + " row " + r + " lane " + i);
                }
            }
        }
    }

    @Test
    void compiledSimdStepKeepsTheInterpretersBits() {
        for (String name : List.of("coba_lif", "coba_hh")) {
            ModelSpec spec = BenchmarkNetworks.model(name);
            StepKernel k = ModelCompiler.compile(spec).kernel();
            Lanes x = new Lanes(ModelCompiler.compile(spec), 5);
            double[][] first = x.step(k, true, 0, LANES);
            // Enough calls for the JIT to compile the method (its vector operations then intrinsics).
            for (int c = 0; c < 6_000; c++) {
                x.step(k, true, 0, LANES);
            }
            assertBitsEqual(name + " after the JIT", first, x.step(k, true, 0, LANES));
        }
    }

    @Test
    void smoothSpikesHaveASimdStepToo() {
        ModelSpec spec = ModelLibrary.get("lif");
        if (!"sigmoid".equals(spec.surrogate().kind())) {
            return;
        }
        StepKernel k = ModelCompiler.compileSmooth(spec).kernel();
        Lanes x = new Lanes(ModelCompiler.compileSmooth(spec), 3);
        assertBitsEqual("smooth lif", x.step(k, false, 0, LANES), x.step(k, true, 0, LANES));
    }

    private static List<ModelSpec> models() {
        List<ModelSpec> out = new ArrayList<>();
        for (String name : ModelLibrary.names()) {
            out.add(ModelLibrary.get(name));
        }
        for (String name : List.of("coba_lif", "cuba_lif", "coba_hh")) {
            out.add(BenchmarkNetworks.model(name));
        }
        return out;
    }

    private static void assertBitsEqual(String what, double[][] want, double[][] got) {
        for (int r = 0; r < want.length; r++) {
            assertArrayEquals(want[r], got[r], 0.0, what + ", output row " + r);
        }
    }

    /** Random lanes around a model's initial states and parameter values; outputs: next states, then the spike. */
    private static final class Lanes {
        final CompiledModel m;
        final double[][] s;
        final double[][] p;
        final double[][] inv;
        final double[][] in;
        final double[][] next;
        final double[] spike = new double[LANES];
        static final double DT = 0.1;

        Lanes(CompiledModel m, long seed) {
            this.m = m;
            SplittableRandom rng = new SplittableRandom(seed);
            s = new double[m.stateCount()][LANES];
            for (int r = 0; r < s.length; r++) {
                double init = m.checked().states().get(r).value();
                for (int i = 0; i < LANES; i++) {
                    // Spread wide enough that thresholds, exprel's branch point and resets are crossed.
                    s[r][i] = init + rng.nextDouble(-1, 1) * Math.max(1, Math.abs(init)) * 0.5;
                }
            }
            p = new double[m.parameterCount()][LANES];
            for (int r = 0; r < p.length; r++) {
                double v = m.checked().parameters().get(r).value();
                for (int i = 0; i < LANES; i++) {
                    p[r][i] = v * (1 + rng.nextDouble(-0.1, 0.1));
                }
            }
            in = new double[m.inputCount()][LANES];
            for (double[] row : in) {
                for (int i = 0; i < LANES; i++) {
                    row[i] = rng.nextDouble(-5, 5);
                }
            }
            inv = new double[m.kernel().invariantCount()][LANES];
            m.kernel().prepare(p, DT, inv, 0, LANES);
            next = new double[s.length][LANES];
        }

        double[][] step(StepKernel k, boolean simd, int from, int to) {
            if (simd) {
                k.forwardSimd(s, p, inv, in, DT, next, spike, from, to);
            } else {
                k.forwardSimdScalar(s, p, inv, in, DT, next, spike, from, to);
            }
            return outputs();
        }

        double[][] plain(StepKernel k) {
            k.forward(s, p, inv, in, DT, next, spike, 0, LANES);
            return outputs();
        }

        private double[][] outputs() {
            double[][] out = new double[next.length + 1][];
            for (int r = 0; r < next.length; r++) {
                out[r] = next[r].clone();
            }
            out[next.length] = spike.clone();
            return out;
        }
    }
}
