package org.brainfx.engine.grad;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.ModelCompiler;
import org.brainfx.engine.model.ModelText;
import org.brainfx.engine.sim.InputSource;
import org.brainfx.engine.sim.LaneValues;
import org.junit.jupiter.api.Test;

/**
 * The surrogate path: the compiled reverse kernel of a spiking LIF equals an independently
 * hand-written BPTT with the sigmoid surrogate, through the reset and the output spikes.
 */
class SurrogateGradientTest {
    private static final String LIF = String.join("\n",
            "model lif_check",
            "state V = -65 mV",
            "param V_rest = -65 mV",
            "param V_reset = -70 mV",
            "param V_th = -50 mV",
            "param tau = 10 ms in [1, 100]",
            "param R = 10 MOhm",
            "input I : nA",
            "dV/dt = (-(V - V_rest) + R*I)/tau",
            "spike V > V_th",
            "reset V = V_reset",
            "surrogate sigmoid alpha=4",
            "integrator euler");
    private static final double DT = 0.1;
    private static final int T = 600;
    private static final double ALPHA = 4;

    private static double input(int t) {
        return t < 50 ? 0 : 2.1 + 0.3 * Math.sin(t * 0.05);
    }

    private static double spikeWeight(int t) {
        return 0.01 * (1 + (t % 7));
    }

    private static double target(int t) {
        return -60 + 5 * Math.sin(t * 0.01);
    }

    private static double heaviside(double x) {
        return x >= 0 ? 1 : 0;
    }

    private static double surrogate(double x) {
        double s = 1 / (1 + Math.exp(-ALPHA * x));
        return ALPHA * s * (1 - s);
    }

    /** Loss = Σ_t w_t·spike_t + mean_t (V_t − target_t)², with spike and V after each step. */
    private static final class SpikeAndVoltageLoss implements TrajectoryLoss {
        @Override
        public void forward(int step, double[][] s, double[] spike, double[] lossOut, int count, int firstLane) {
            for (int j = 0; j < count; j++) {
                double d = s[0][j] - target(step);
                lossOut[j] += spikeWeight(step) * spike[j] + d * d / T;
            }
        }

        @Override
        public void backward(int step, double[][] s, double[] spike, double[][] adjState, double[] adjSpike, int count,
                             int firstLane) {
            for (int j = 0; j < count; j++) {
                adjState[0][j] += 2 * (s[0][j] - target(step)) / T;
                adjSpike[j] += spikeWeight(step);
            }
        }
    }

    @Test
    void compiledReverseKernelEqualsHandWrittenSurrogateBptt() {
        CompiledModel m = ModelCompiler.compile(ModelText.parse(LIF));
        double vRest = -65;
        double vReset = -70;
        double vTh = -50;
        double tau = 10;
        double r = 10;
        // Independent forward pass, storing what the backward pass needs.
        double[] vPrev = new double[T];
        double[] v1 = new double[T];
        double[] v2 = new double[T];
        double v = -65;
        double loss = 0;
        int spikes = 0;
        for (int t = 0; t < T; t++) {
            vPrev[t] = v;
            double z = heaviside(v - vTh);
            v1[t] = v + z * (vReset - v);
            v2[t] = v1[t] + DT * (-(v1[t] - vRest) + r * input(t)) / tau;
            double zOut = heaviside(v2[t] - vTh);
            spikes += (int) zOut;
            double d = v2[t] - target(t);
            loss += spikeWeight(t) * zOut + d * d / T;
            v = v2[t];
        }
        assertTrue(spikes >= 3, "the protocol must make the neuron spike, got " + spikes);
        // Independent backward pass.
        double aNext = 0;
        double gRest = 0;
        double gReset = 0;
        double gTh = 0;
        double gTau = 0;
        double gR = 0;
        for (int t = T - 1; t >= 0; t--) {
            double aV2 = aNext + 2 * (v2[t] - target(t)) / T + spikeWeight(t) * surrogate(v2[t] - vTh);
            gTh -= spikeWeight(t) * surrogate(v2[t] - vTh);
            double f = (-(v1[t] - vRest) + r * input(t)) / tau;
            gTau += aV2 * (-DT * f / tau);
            gR += aV2 * DT * input(t) / tau;
            gRest += aV2 * DT / tau;
            double aV1 = aV2 * (1 - DT / tau);
            double x = vPrev[t] - vTh;
            double z = heaviside(x);
            double g = surrogate(x);
            gReset += aV1 * z;
            gTh += aV1 * (vReset - vPrev[t]) * (-g);
            aNext = aV1 * (1 - z + (vReset - vPrev[t]) * g);
        }
        InputSource in = (step, arr, from, to) -> java.util.Arrays.fill(arr[0], from, to, input(step));
        GradientResult res = new Bptt(m).gradient(LaneValues.defaults(m, 1), in, T, DT, new SpikeAndVoltageLoss());
        assertEquals(loss, res.loss()[0], 1e-12 * Math.abs(loss));
        double[][] gp = res.gradParameters();
        assertClose(gRest, gp[m.parameterIndex("V_rest")][0], "V_rest");
        assertClose(gReset, gp[m.parameterIndex("V_reset")][0], "V_reset");
        assertClose(gTh, gp[m.parameterIndex("V_th")][0], "V_th");
        assertClose(gTau, gp[m.parameterIndex("tau")][0], "tau");
        assertClose(gR, gp[m.parameterIndex("R")][0], "R");
        assertClose(aNext, res.gradInitialState()[0][0], "V(0)");
    }

    private static void assertClose(double expected, double actual, String what) {
        assertEquals(expected, actual, 1e-10 * Math.max(1, Math.abs(expected)), "gradient with respect to " + what);
    }
}
