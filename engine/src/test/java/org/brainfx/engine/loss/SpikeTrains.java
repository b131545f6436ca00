package org.brainfx.engine.loss;

import java.util.Arrays;
import org.brainfx.engine.grad.TrajectoryLoss;

/**
 * Voltage traces of AdEx-like spikes for loss tests: from rest (−65) an exponential upstroke
 * {@code −65 + 15·e^{(t − θᵢ)/τ}} that the spike caps at −40 (the spike step stores −40 and fires),
 * then a reset to −65; spike i's upstroke is timed by {@code θᵢ} (ms), so the derivative of every
 * sample by every {@code θᵢ} is known in closed form.
 */
final class SpikeTrains {
    static final double DT = 0.1;
    static final double REST = -65;
    static final double PEAK = -40;

    final double[] v;
    final double[] spike;
    /** {@code dv[i][t]}: derivative of sample t by θᵢ. */
    final double[][] dv;
    final int[] spikeSteps;

    /** A trace of {@code steps} samples whose upstrokes have time constant {@code tau} ms and offsets {@code theta} ms. */
    SpikeTrains(int steps, double tau, double... theta) {
        v = new double[steps];
        spike = new double[steps];
        dv = new double[theta.length][steps];
        int[] fired = new int[theta.length];
        int n = 0;
        int t = 0;
        for (int i = 0; i < theta.length; i++) {
            for (; t < steps; t++) {
                double x = 15 * Math.exp((t * DT - theta[i]) / tau);
                if (REST + x >= PEAK) {
                    v[t] = PEAK;
                    spike[t] = 1;
                    fired[n++] = t;
                    t++;
                    break;
                }
                v[t] = REST + x;
                dv[i][t] = -x / tau;
            }
        }
        for (; t < steps; t++) {
            v[t] = REST;
        }
        spikeSteps = Arrays.copyOf(fired, n);
    }

    /** The loss of this trace as one lane. */
    double loss(TrajectoryLoss loss) {
        return pass(loss, null);
    }

    /** The loss, and into {@code adjoint} its derivative by every sample. */
    double pass(TrajectoryLoss loss, double[] adjoint) {
        return pass(loss, v, spike, adjoint, null);
    }

    /**
     * One lane's pass over the samples {@code v} with spike outputs {@code spike}: the loss, and (when not null) its
     * derivative by every sample into {@code adjoint} and by every spike output into {@code adjointSpike}.
     */
    static double pass(TrajectoryLoss loss, double[] v, double[] spike, double[] adjoint, double[] adjointSpike) {
        int steps = v.length;
        loss.begin(1, steps);
        double[] out = new double[1];
        double[][] state = new double[1][1];
        for (int t = 0; t < steps; t++) {
            state[0][0] = v[t];
            loss.forward(t, state, new double[] {spike[t]}, out, 1, 0);
        }
        if (adjoint != null || adjointSpike != null) {
            for (int t = steps - 1; t >= 0; t--) {
                double[][] adj = new double[1][1];
                double[] adjSpike = new double[1];
                state[0][0] = v[t];
                loss.backward(t, state, new double[] {spike[t]}, adj, adjSpike, 1, 0);
                if (adjoint != null) {
                    adjoint[t] = adj[0][0];
                }
                if (adjointSpike != null) {
                    adjointSpike[t] = adjSpike[0];
                }
            }
        }
        return out[0];
    }

    /** The derivative of the loss by each θᵢ through the samples. */
    double[] gradient(TrajectoryLoss loss) {
        double[] adjoint = new double[v.length];
        pass(loss, adjoint);
        double[] g = new double[dv.length];
        for (int i = 0; i < dv.length; i++) {
            for (int t = 0; t < v.length; t++) {
                g[i] += adjoint[t] * dv[i][t];
            }
        }
        return g;
    }
}
