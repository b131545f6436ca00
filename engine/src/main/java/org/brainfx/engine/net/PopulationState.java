package org.brainfx.engine.net;

import org.brainfx.engine.compile.StepKernel;

/** A population's arrays during a run: states (current and next, swapped every step), inputs, invariants and the step's spikes. */
final class PopulationState {
    final BuiltPopulation population;
    final StepKernel kernel;
    final int size;
    double[][] s;
    double[][] next;
    final double[][] in;
    final double[][] inv;
    final double[] spike;
    final int[] spiked;
    int spikedCount;
    double dt;
    /** Whether to step with the kernel's SIMD method or its bit-identical scalar twin (see {@link SimdWarmup}). */
    SimdWarmup.Choice simd = SimdWarmup.Choice.TWIN;

    PopulationState(BuiltPopulation population) {
        this.population = population;
        this.kernel = population.model().kernel();
        this.size = population.size();
        int states = population.model().stateCount();
        s = new double[states][];
        for (int i = 0; i < states; i++) {
            s[i] = population.initial()[i].clone();
        }
        next = new double[states][size];
        in = new double[population.model().inputCount()][size];
        inv = new double[kernel.invariantCount()][size];
        spike = new double[size];
        spiked = new int[size];
    }

    void prepare(double dt) {
        this.dt = dt;
        kernel.prepare(population.parameters(), dt, inv, 0, size);
    }

    void forward(double dt, int from, int to) {
        if (simd.simd()) {
            kernel.forwardSimd(s, population.parameters(), inv, in, dt, next, spike, from, to);
        } else {
            kernel.forwardSimdScalar(s, population.parameters(), inv, in, dt, next, spike, from, to);
        }
    }

    /** Collects the indices of the neurons that spiked this step, in order. */
    void collectSpikes() {
        spikedCount = collect(0, size, spiked);
    }

    /** The indices of the neurons in {@code [from, to)} that spiked this step, in order, into {@code into}; their count. */
    int collect(int from, int to, int[] into) {
        int count = 0;
        double[] z = spike;
        for (int i = from; i < to; i++) {
            if (z[i] != 0) {
                into[count++] = i;
            }
        }
        return count;
    }

    /** This step's spikes when two threads collected them: the lower half's in {@link #spiked}, then the upper half's. */
    void joinHalves(int lowerCount, int[] upper, int upperCount) {
        System.arraycopy(upper, 0, spiked, lowerCount, upperCount);
        spikedCount = lowerCount + upperCount;
    }

    void swap() {
        double[][] t = s;
        s = next;
        next = t;
    }

    /** The first non-finite state value, as a message, or null. */
    String nonFinite(int step, double dt) {
        for (int k = 0; k < s.length; k++) {
            double[] v = s[k];
            for (int i = 0; i < size; i++) {
                if (!Double.isFinite(v[i])) {
                    return "population '" + population.name() + "', neuron " + i + ": state '" + population.model().stateNames().get(k)
                            + "' became " + v[i] + " by step " + step + " (t = " + String.format(java.util.Locale.ROOT, "%.3f", step * dt)
                            + " ms); the weights, inputs or dt make the equations diverge — try a smaller dt or weaker weights";
                }
            }
        }
        return null;
    }
}
