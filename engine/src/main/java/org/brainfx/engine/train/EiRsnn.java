package org.brainfx.engine.train;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The trainable E/I recurrent spiking network of the paper's task experiments (Wang et al. 2024,
 * REFERENCE.md §2–3): adaptive LIF neurons (soft reset, adaptation current decayed before the
 * voltage's exponential-Euler step), one excitatory and one inhibitory exponential conductance per
 * neuron with outputs g·(E − V), input → all and E → all onto the excitatory conductance, I → all
 * onto the inhibitory one, and a leaky linear readout of the spikes (the reference) or of the
 * standardized membrane potentials (the paper's online-learning runs, {@link Readout#POTENTIAL}).
 * Neurons 0 … E−1 are excitatory, E … E+I−1 inhibitory. Weights are Dale-signed magnitudes: the
 * effective weight is |w| times the projection's connectivity mask.
 *
 * @param inputs          input channels
 * @param excitatory      excitatory neurons
 * @param inhibitory      inhibitory neurons
 * @param outputs         readout units (classes)
 * @param dtMs            time step, ms
 * @param tauMs           membrane time constant, ms
 * @param tauSynMs        synaptic (conductance) time constant, ms
 * @param tauOutMs        readout time constant, ms
 * @param vThreshold      spike threshold (the reset subtracts it)
 * @param vRest           resting potential
 * @param beta            adaptation jump per spike
 * @param eExc            excitatory reversal potential
 * @param eInh            inhibitory reversal potential
 * @param tauAdaptMs      each neuron's adaptation time constant, ms
 * @param spike           spike function and surrogate
 * @param inputMask       inputs × neurons connectivity of input → all, or null for all-to-all
 * @param excitatoryMask  E × neurons connectivity of E → all, or null
 * @param inhibitoryMask  I × neurons connectivity of I → all, or null
 * @param readout         what the leaky readout reads
 * @param detachReset     when true the soft reset and the adaptation jump pass no gradient to the spike that
 *                        caused them (the paper's online runs, {@code --diff_spike 0}); the reference keeps them
 *                        (measured: without them BPTT's gradient explodes through the recurrence)
 */
public record EiRsnn(int inputs, int excitatory, int inhibitory, int outputs, double dtMs, double tauMs, double tauSynMs,
                     double tauOutMs, double vThreshold, double vRest, double beta, double eExc, double eInh,
                     float[] tauAdaptMs, SpikeFunction spike, boolean[] inputMask, boolean[] excitatoryMask,
                     boolean[] inhibitoryMask, Readout readout, boolean detachReset) {

    /** What the leaky readout r ← d_out·r + x·W_out reads as x. */
    public enum Readout {
        /** The recurrent spikes (the reference network). */
        SPIKES,
        /**
         * Each trial's membrane potentials standardized over the neurons at every step,
         * x = (m − mean m)/σ with m = (V − V_th)/V_th and σ = sqrt(var m + 1e-5) (the paper's online
         * runs, braintrace-snn-experiments {@code ei_coba_task/model.py}): every neuron's potential, not
         * only those near threshold, carries the task's answer and the learning signal. σ is a gain
         * taken as a constant for the gradient (as a normalization's statistics often are), so the
         * gradient stays per neuron and the online rules keep its readout path exact.
         */
        POTENTIAL;

        /** The readout named {@code name} in a project ({@code spikes}, {@code potential}); the error lists them. */
        public static Readout parse(String name) {
            for (Readout r : values()) {
                if (r.name().equalsIgnoreCase(name.trim())) {
                    return r;
                }
            }
            throw new IllegalArgumentException("rsnn.readout '" + name + "' is not known; use spikes or potential");
        }
    }

    /** The network with the reference's readout of spikes and differentiable resets. */
    public EiRsnn(int inputs, int excitatory, int inhibitory, int outputs, double dtMs, double tauMs, double tauSynMs,
                  double tauOutMs, double vThreshold, double vRest, double beta, double eExc, double eInh,
                  float[] tauAdaptMs, SpikeFunction spike, boolean[] inputMask, boolean[] excitatoryMask,
                  boolean[] inhibitoryMask) {
        this(inputs, excitatory, inhibitory, outputs, dtMs, tauMs, tauSynMs, tauOutMs, vThreshold, vRest, beta, eExc, eInh,
                tauAdaptMs, spike, inputMask, excitatoryMask, inhibitoryMask, Readout.SPIKES, false);
    }

    /** Checks sizes and constants; the error names the field. */
    public EiRsnn {
        if (readout == null) {
            throw new IllegalArgumentException("the network needs a readout (spikes or potential)");
        }
        if (inputs < 1 || excitatory < 1 || inhibitory < 0 || outputs < 1) {
            throw new IllegalArgumentException("a trained network needs inputs, excitatory neurons and outputs >= 1 and"
                    + " inhibitory >= 0; got inputs " + inputs + ", E " + excitatory + ", I " + inhibitory + ", outputs " + outputs);
        }
        for (double[] c : new double[][] {{dtMs, 0}, {tauMs, 1}, {tauSynMs, 2}, {tauOutMs, 3}, {vThreshold, 4}}) {
            if (!(c[0] > 0) || Double.isInfinite(c[0])) {
                String[] names = {"dt", "tau", "tau_syn", "tau_out", "v_th"};
                throw new IllegalArgumentException("network constant " + names[(int) c[1]] + " must be finite and > 0, got " + c[0]);
            }
        }
        int n = excitatory + inhibitory;
        if (tauAdaptMs.length != n) {
            throw new IllegalArgumentException("tau_a needs one value per neuron (" + n + "), got " + tauAdaptMs.length);
        }
        for (int k = 0; k < n; k++) {
            if (!(tauAdaptMs[k] > 0) || Float.isInfinite(tauAdaptMs[k])) {
                throw new IllegalArgumentException("tau_a of neuron " + k + " must be finite and > 0, got " + tauAdaptMs[k]);
            }
        }
        checkMask("input", inputMask, inputs, n);
        checkMask("excitatory", excitatoryMask, excitatory, n);
        checkMask("inhibitory", inhibitoryMask, inhibitory, n);
    }

    private static void checkMask(String name, boolean[] mask, int rows, int cols) {
        if (mask != null && mask.length != rows * cols) {
            throw new IllegalArgumentException("the " + name + " projection's connectivity mask needs " + rows + " × " + cols
                    + " entries, got " + mask.length);
        }
    }

    /**
     * The reference network for a task with {@code inputs} channels and {@code outputs} classes: 160 E
     * and 40 I neurons, τ 100 ms, τ_syn 10 ms, τ_out 10 ms, threshold 1, rest 0, β 1, E_exc 3, E_inh −3,
     * τ_a ~ U[500, 1500] ms drawn from {@code seed}, dt 1 ms, ReLU surrogate, all-to-all.
     */
    public static EiRsnn reference(int inputs, int outputs, long seed) {
        return new EiRsnn(inputs, 160, 40, outputs, 1, 100, 10, 10, 1, 0, 1, 3, -3,
                uniformTauAdapt(200, 500, 1500, seed), SpikeFunction.reluSurrogate(), null, null, null);
    }

    /** Adaptation time constants drawn uniformly from [lo, hi] ms, one per neuron, from {@code seed}. */
    public static float[] uniformTauAdapt(int neurons, double lo, double hi, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] tau = new float[neurons];
        for (int k = 0; k < neurons; k++) {
            tau[k] = (float) (lo + (hi - lo) * random.nextDouble());
        }
        return tau;
    }

    /** The number of recurrent neurons. */
    public int neurons() {
        return excitatory + inhibitory;
    }

    /** A copy with another spike function (e.g. the smooth one for gradient checks). */
    public EiRsnn withSpike(SpikeFunction s) {
        return new EiRsnn(inputs, excitatory, inhibitory, outputs, dtMs, tauMs, tauSynMs, tauOutMs, vThreshold, vRest, beta,
                eExc, eInh, tauAdaptMs, s, inputMask, excitatoryMask, inhibitoryMask, readout, detachReset);
    }

    /** A copy with other adaptation time constants, one per neuron. */
    public EiRsnn withTauAdapt(float[] tau) {
        return new EiRsnn(inputs, excitatory, inhibitory, outputs, dtMs, tauMs, tauSynMs, tauOutMs, vThreshold, vRest, beta,
                eExc, eInh, tau, spike, inputMask, excitatoryMask, inhibitoryMask, readout, detachReset);
    }

    /** A copy with connectivity masks (null = all-to-all). */
    public EiRsnn withMasks(boolean[] input, boolean[] excitatoryRows, boolean[] inhibitoryRows) {
        return new EiRsnn(inputs, excitatory, inhibitory, outputs, dtMs, tauMs, tauSynMs, tauOutMs, vThreshold, vRest, beta,
                eExc, eInh, tauAdaptMs, spike, input, excitatoryRows, inhibitoryRows, readout, detachReset);
    }

    /** A copy with another readout and reset gradient. */
    public EiRsnn withReadout(Readout kind, boolean detach) {
        return new EiRsnn(inputs, excitatory, inhibitory, outputs, dtMs, tauMs, tauSynMs, tauOutMs, vThreshold, vRest, beta,
                eExc, eInh, tauAdaptMs, spike, inputMask, excitatoryMask, inhibitoryMask, kind, detach);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EiRsnn r && inputs == r.inputs && excitatory == r.excitatory && inhibitory == r.inhibitory
                && outputs == r.outputs && dtMs == r.dtMs && tauMs == r.tauMs && tauSynMs == r.tauSynMs
                && tauOutMs == r.tauOutMs && vThreshold == r.vThreshold && vRest == r.vRest && beta == r.beta
                && eExc == r.eExc && eInh == r.eInh && Arrays.equals(tauAdaptMs, r.tauAdaptMs) && spike.equals(r.spike)
                && Arrays.equals(inputMask, r.inputMask) && Arrays.equals(excitatoryMask, r.excitatoryMask)
                && Arrays.equals(inhibitoryMask, r.inhibitoryMask) && readout == r.readout && detachReset == r.detachReset;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tauAdaptMs) * 31 + Integer.hashCode(neurons());
    }

    @Override
    public String toString() {
        return "EiRsnn[" + inputs + " inputs, " + excitatory + " E, " + inhibitory + " I, " + outputs + " outputs]";
    }
}
