package org.brainfx.engine.net;

import java.util.SplittableRandom;

/**
 * One injected current during a run: adds its value for a step into the population's input lanes.
 * The Ornstein–Uhlenbeck noise advances exactly (x ← μ + (x − μ)·e^{−dt/τ} + σ·√(1 − e^{−2dt/τ})·N(0,1)),
 * independently per neuron, from its own seeded stream; white noise draws mean + σ·N(0,1) anew every step
 * and neuron from its own stream.
 */
final class CurrentInjection {
    private final CurrentSpec spec;
    final int population;
    private final int input;
    private final int[] neurons;
    private final double dt;
    private final double[] ou;
    private final SplittableRandom random;
    private final double decay;
    private final double kick;
    private final boolean white;

    CurrentInjection(CurrentSpec spec, int population, int input, int size, double dt, long seed) {
        this.spec = spec;
        this.population = population;
        this.input = input;
        this.dt = dt;
        this.neurons = spec.neurons() == null ? null : spec.neurons().stream().mapToInt(Integer::intValue).toArray();
        white = "white".equals(spec.kind());
        if (white) {
            random = new SplittableRandom(seed);
            ou = null;
            decay = 0;
            kick = spec.sigma();
        } else if ("ou".equals(spec.kind())) {
            random = new SplittableRandom(seed);
            ou = new double[size];
            java.util.Arrays.fill(ou, spec.mean());
            decay = Math.exp(-dt / spec.tau());
            kick = spec.sigma() * Math.sqrt(1 - decay * decay);
        } else {
            random = null;
            ou = null;
            decay = 0;
            kick = 0;
        }
    }

    /** Adds this current's value at {@code step} into {@code in[input][neuron]}. */
    void add(int step, double[][] in) {
        double[] lanes = in[input];
        if (ou != null) {
            double mean = spec.mean();
            int count = neurons == null ? lanes.length : neurons.length;
            for (int k = 0; k < count; k++) {
                int i = neurons == null ? k : neurons[k];
                ou[i] = mean + (ou[i] - mean) * decay + kick * random.nextGaussian();
                lanes[i] += ou[i];
            }
            return;
        }
        double t = step * dt;
        if (white) {
            addWhite(t, lanes);
            return;
        }
        double start = spec.start() == null ? 0 : spec.start();
        double stop = spec.stop() == null ? Double.POSITIVE_INFINITY : spec.stop();
        if (t < start - 1e-9 || t >= stop - 1e-9) {
            return;
        }
        double value = "ramp".equals(spec.kind()) ? spec.amplitude() * (t - start) / (stop - start) : spec.amplitude();
        if (neurons == null) {
            for (int i = 0; i < lanes.length; i++) {
                lanes[i] += value;
            }
        } else {
            for (int i : neurons) {
                lanes[i] += value;
            }
        }
    }

    private void addWhite(double t, double[] lanes) {
        if ((spec.start() != null && t < spec.start() - 1e-9) || (spec.stop() != null && t >= spec.stop() - 1e-9)) {
            return;
        }
        double mean = spec.mean();
        int count = neurons == null ? lanes.length : neurons.length;
        for (int k = 0; k < count; k++) {
            lanes[neurons == null ? k : neurons[k]] += mean + kick * random.nextGaussian();
        }
    }
}
