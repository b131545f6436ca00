package org.brainfx.engine.net;

import java.util.Arrays;

/** The Tsodyks–Markram state of each presynaptic neuron of one projection during a run (see {@link PlasticitySpec}). */
final class ShortTermPlasticity {
    private final double increment;
    private final double tauF;
    private final double tauD;
    private final double dt;
    private final double[] u;
    private final double[] x;
    private final int[] lastSpike;

    ShortTermPlasticity(PlasticitySpec spec, int preCount, double dt) {
        this.increment = spec.u();
        this.tauF = spec.tauF();
        this.tauD = spec.tauD();
        this.dt = dt;
        u = new double[preCount];
        x = new double[preCount];
        Arrays.fill(x, 1.0);
        lastSpike = new int[preCount];
        Arrays.fill(lastSpike, Integer.MIN_VALUE);
    }

    /** Checks a spec; each error names the projection, the field and the fix. */
    static void check(PlasticitySpec p, String projection) {
        String where = "projection '" + projection + "', plasticity";
        if (!"tsodyks_markram".equals(p.kind())) {
            throw new NetworkException(where + ": kind '" + p.kind() + "' is not 'tsodyks_markram'");
        }
        if (p.u() == null || !(p.u() > 0 && p.u() <= 1)) {
            throw new NetworkException(where + ": u = " + p.u() + "; the utilization increment U must be in (0, 1]");
        }
        if (p.tauF() == null || !(p.tauF() > 0) || p.tauD() == null || !(p.tauD() > 0)) {
            throw new NetworkException(where + ": tauF = " + p.tauF() + ", tauD = " + p.tauD() + "; both must be times > 0 ms");
        }
    }

    /** The fraction of its weight a spike of pre neuron {@code i} at {@code step} delivers, updating the neuron's state. */
    double efficacy(int i, int step) {
        if (lastSpike[i] != Integer.MIN_VALUE) {
            double elapsed = (step - lastSpike[i]) * dt;
            u[i] *= Math.exp(-elapsed / tauF);
            x[i] = 1 + (x[i] - 1) * Math.exp(-elapsed / tauD);
        }
        lastSpike[i] = step;
        u[i] += increment * (1 - u[i]);
        double released = u[i] * x[i];
        x[i] -= released;
        return released;
    }
}
