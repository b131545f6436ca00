package org.brainfx.engine.train;

import java.util.Arrays;
import org.brainfx.engine.task.TrialBatch;

/**
 * One thread's share of an {@link OnlineGradient} pass: a block of trials advanced step by step with
 * their eligibility traces, the gradient summed at the loss steps, nothing kept from earlier steps.
 * Every per-neuron quantity is a row of {@code n} floats per trial, and every D-RTRL trace a row per
 * trial and postsynaptic neuron over the presynaptic units, so the inner loops run over a row from
 * index 0, which C2 vectorizes. (The trace pass runs over presynaptic units with the neuron's step
 * coefficients as scalars: 0.4 ns an element here, against 1.4 with a row per presynaptic unit, whose
 * loops read seven coefficient arrays.)
 *
 * <p>Presynaptic units are numbered input channels first, then the E neurons, then the I neurons
 * ({@code pre = inputs + neurons}); the first {@code inputs + E} feed the excitatory conductance, the
 * rest the inhibitory one.
 */
final class OnlineSlice {

    private final EiRsnn net;
    private final OnlineRule rule;
    private final float alpha;
    private final int capacity;
    private final int n;
    private final int nE;
    private final int nIn;
    private final int nOut;
    private final int pre;
    /** Presynaptic units below this feed the excitatory conductance. */
    private final int excitatoryPre;
    private final float vth;
    private final float dsyn;
    private final float dout;
    private final float dtOverTau;
    private final float vRest;
    private final float beta;
    private final float eExc;
    private final float eInh;
    private final SpikeFunction spike;
    private final boolean smooth;
    /** The readout reads the standardized potentials (else the spikes). */
    private final boolean potential;
    /** The resets pass no gradient to their spike. */
    private final boolean detach;
    /** exp(−dt/τ_a) per neuron. */
    private final float[] decayAdapt;

    private final float[][] v;
    private final float[][] ia;
    private final float[][] ge;
    private final float[][] gi;
    private final float[][] addE;
    private final float[][] addI;
    /** The spikes from the current state (those the next step reads). */
    private final float[][] z;
    /** dz/dV of those spikes (the surrogate's slope over V_th). */
    private final float[][] slopeOld;
    private final float[][] slopeNew;
    /** Each neuron's leaky-filtered readout input x (its spikes or standardized potential), u ← d_out·u + x: r = u·W_out. */
    private final float[][] u;
    /** The readout input x of the potential readout at this step. */
    private final float[][] readIn;
    /** dx/dV of the potential readout at this step, 1/(V_th·σ), one value repeated per neuron. */
    private final float[][] readGain;
    private final float[][] rate;
    private final float[][] fraction;
    /** ∂V^t/∂V_r·∂V_r/∂V^{t−1} without the adaptation path: (1 − f)(1 − V_th·s). */
    private final float[][] coefA;
    /** ∂V^t/∂I_a^t = f/G. */
    private final float[][] coefB;
    /** ∂V^t/∂g_E^t. */
    private final float[][] coefE;
    /** ∂V^t/∂g_I^t. */
    private final float[][] coefI;
    /** −∂I_a^t/∂V^{t−1} = d_a·β·s (the adaptation jump's surrogate path). */
    private final float[][] coefS;
    /** ∂L^t/∂u^t = (dL/dr^t)·W_outᵀ at a loss step. */
    private final float[][] deltaU;
    private final float[] r;
    private final float[] rSum;
    private final float[] signal;
    private final float[] inputX;

    /**
     * D-RTRL: ∂V/∂w, ∂I_a/∂w and ∂u/∂w per trial and postsynaptic neuron (row b·n + k), a column per
     * presynaptic unit feeding the excitatory conductance (input channels, then E neurons).
     */
    private final float[][] traceEV;
    private final float[][] traceEIa;
    private final float[][] traceEU;
    /** D-RTRL: the same for the I neurons' weights (onto the inhibitory conductance). */
    private final float[][] traceIV;
    private final float[][] traceIIa;
    private final float[][] traceIU;
    /**
     * D-RTRL: ∂g/∂w, which does not depend on the postsynaptic neuron (the input filtered by the synapse):
     * one value per trial and presynaptic unit, excitatory and inhibitory units apart.
     */
    private final float[][] filteredE;
    private final float[][] filteredI;

    /** ES-D-RTRL: the smoothed presynaptic input ε_x per trial and unit, excitatory and inhibitory units apart. */
    private final float[][] smoothedXE;
    private final float[][] smoothedXI;
    /** ES-D-RTRL: ε_f of the excitatory conductance's input, per state (V, I_a, g_E, u). */
    private final float[][] fV;
    private final float[][] fIa;
    private final float[][] fG;
    private final float[][] fU;
    /** ES-D-RTRL: ε_f of the inhibitory conductance's input, per state (V, I_a, g_I, u). */
    private final float[][] hV;
    private final float[][] hIa;
    private final float[][] hG;
    private final float[][] hU;

    private final float[][] magnitude;
    private final float[][] readoutT;
    private float[] wOut;
    private RsnnWeights weights;
    /** dL/d|w| a row per postsynaptic neuron (excitatory and inhibitory units apart), and the readout's, summed over the pass. */
    private final float[][] gradET;
    private final float[][] gradIT;
    private final float[][] gradOutT;
    private final RsnnWeights gradient;

    /**
     * D-RTRL advances ∂u/∂w only at the steps from which a loss step lies within {@link #uHorizon}: an
     * older contribution reaches a loss only through the readout's leak, below 2^−30 of itself.
     */
    private boolean[] uWindow = new boolean[0];
    private final int uHorizon;
    private int from;
    private double lossSum;
    private int correct;
    private long spikesE;
    private long spikesI;

    OnlineSlice(EiRsnn net, OnlineRule rule, double alpha, int capacity) {
        this.net = net;
        this.rule = rule;
        this.alpha = (float) alpha;
        this.capacity = capacity;
        this.n = net.neurons();
        this.nE = net.excitatory();
        this.nIn = net.inputs();
        this.nOut = net.outputs();
        this.pre = nIn + n;
        this.excitatoryPre = nIn + nE;
        this.vth = (float) net.vThreshold();
        this.dsyn = (float) Math.exp(-net.dtMs() / net.tauSynMs());
        this.dout = (float) Math.exp(-net.dtMs() / net.tauOutMs());
        this.dtOverTau = (float) (net.dtMs() / net.tauMs());
        this.vRest = (float) net.vRest();
        this.beta = (float) net.beta();
        this.eExc = (float) net.eExc();
        this.eInh = (float) net.eInh();
        this.spike = net.spike();
        this.smooth = spike.smooth();
        this.potential = net.readout() == EiRsnn.Readout.POTENTIAL;
        this.detach = net.detachReset();
        uHorizon = (int) Math.ceil(30 * Math.log(2) * net.tauOutMs() / net.dtMs());
        decayAdapt = new float[n];
        for (int k = 0; k < n; k++) {
            decayAdapt[k] = (float) Math.exp(-net.dtMs() / net.tauAdaptMs()[k]);
        }
        v = new float[capacity][n];
        ia = new float[capacity][n];
        ge = new float[capacity][n];
        gi = new float[capacity][n];
        addE = new float[capacity][n];
        addI = new float[capacity][n];
        z = new float[capacity][n];
        slopeOld = new float[capacity][n];
        slopeNew = new float[capacity][n];
        u = new float[capacity][n];
        readIn = new float[potential ? capacity : 0][n];
        readGain = new float[potential ? capacity : 0][n];
        rate = new float[capacity][n];
        fraction = new float[capacity][n];
        coefA = new float[capacity][n];
        coefB = new float[capacity][n];
        coefE = new float[capacity][n];
        coefI = new float[capacity][n];
        coefS = new float[capacity][n];
        deltaU = new float[capacity][n];
        r = new float[capacity * nOut];
        rSum = new float[capacity * nOut];
        signal = new float[nOut];
        inputX = new float[nIn];
        boolean d = rule == OnlineRule.D_RTRL;
        int nI = n - nE;
        int rows = d ? capacity * n : 0;
        traceEV = new float[rows][excitatoryPre];
        int adaptRows = detach ? 0 : rows;
        traceEIa = new float[adaptRows][excitatoryPre];
        traceEU = new float[rows][excitatoryPre];
        traceIV = new float[rows][nI];
        traceIIa = new float[adaptRows][nI];
        traceIU = new float[rows][nI];
        filteredE = new float[d ? capacity : 0][excitatoryPre];
        filteredI = new float[d ? capacity : 0][nI];
        int es = d ? 0 : capacity;
        smoothedXE = new float[es][excitatoryPre];
        smoothedXI = new float[es][nI];
        fV = new float[es][n];
        fIa = new float[es][n];
        fG = new float[es][n];
        fU = new float[es][n];
        hV = new float[es][n];
        hIa = new float[es][n];
        hG = new float[es][n];
        hU = new float[es][n];
        magnitude = new float[pre][n];
        readoutT = new float[nOut][n];
        gradET = new float[n][excitatoryPre];
        gradIT = new float[n][nI];
        gradOutT = new float[nOut][n];
        gradient = RsnnWeights.zeros(net);
    }

    /**
     * The floats one trial's states and traces take: 18 neuron rows (20 with the potential readout) and the readout, plus per rule
     * the D-RTRL traces (3 per presynaptic unit and neuron, 2 when the resets are detached, 1 per unit) or
     * the ES-D-RTRL ones (1 per unit, 8 per neuron). No term depends on the number of steps.
     */
    static long floatsPerTrial(EiRsnn net, OnlineRule rule) {
        long n = net.neurons();
        long pre = net.inputs() + n;
        long states = (net.readout() == EiRsnn.Readout.POTENTIAL ? 20 : 18) * n + 2L * net.outputs();
        return states + (rule == OnlineRule.D_RTRL ? dRtrlTracesPerTrial(net) + pre : pre + 8 * n);
    }

    /**
     * D-RTRL's per-weight traces of one trial: ∂V, ∂I_a and ∂u per presynaptic unit and neuron; with detached
     * resets ∂I_a/∂w stays 0 (the adaptation current moves only by spikes, whose jump then passes no gradient)
     * and is not kept.
     */
    static long dRtrlTracesPerTrial(EiRsnn net) {
        long n = net.neurons();
        return (net.detachReset() ? 2 : 3) * (net.inputs() + n) * n;
    }

    /** The floats a slice holds whatever its trials: weight magnitudes, readout and gradient accumulators, scratch. */
    static long fixedFloats(EiRsnn net, OnlineRule rule) {
        long n = net.neurons();
        long pre = net.inputs() + n;
        return 2 * pre * n + 2L * net.outputs() * n + net.outputs() + net.inputs() + (long) RsnnWeights.zeros(net).size();
    }

    /** The floats this slice's arrays actually hold (the sum of their lengths), to check {@link #floatsPerTrial}. */
    long heldFloats() {
        long s = 0;
        for (float[][] rows : new float[][][] {v, ia, ge, gi, addE, addI, z, slopeOld, slopeNew, u, readIn, readGain, rate, fraction, coefA,
                coefB, coefE, coefI, coefS, deltaU, traceEV, traceEIa, traceEU, traceIV, traceIIa, traceIU, filteredE,
                filteredI, smoothedXE, smoothedXI, fV, fIa, fG, fU, hV, hIa, hG, hU, magnitude, readoutT, gradET, gradIT,
                gradOutT}) {
            for (float[] row : rows) {
                s += row.length;
            }
        }
        return s + r.length + rSum.length + signal.length + inputX.length + gradient.size();
    }

    /** Uploads the effective weights (|w| masked, a row per presynaptic unit) and the readout. */
    void use(RsnnWeights w) {
        weights = w;
        copyMagnitudes(w.input(), net.inputMask(), 0, nIn);
        copyMagnitudes(w.excitatory(), net.excitatoryMask(), nIn, nE);
        copyMagnitudes(w.inhibitory(), net.inhibitoryMask(), excitatoryPre, n - nE);
        wOut = w.readout();
        for (int k = 0; k < n; k++) {
            for (int o = 0; o < nOut; o++) {
                readoutT[o][k] = wOut[k * nOut + o];
            }
        }
    }

    private void copyMagnitudes(float[] raw, boolean[] mask, int firstRow, int rows) {
        for (int i = 0; i < rows; i++) {
            float[] row = magnitude[firstRow + i];
            for (int k = 0; k < n; k++) {
                int at = i * n + k;
                row[k] = mask == null || mask[at] ? Math.abs(raw[at]) : 0f;
            }
        }
    }

    /** Clears the gradient accumulators before a pass's first block. */
    void clearGradient() {
        for (float[][] rows : new float[][][] {gradET, gradIT}) {
            for (float[] row : rows) {
                Arrays.fill(row, 0f);
            }
        }
        for (float[] row : gradOutT) {
            Arrays.fill(row, 0f);
        }
    }

    /**
     * Runs trials [{@code from}, {@code from + count}) of {@code batch} from rest, advancing the traces
     * every step; with {@code learn} the gradient of {@code scale}·Σ cross-entropies is added at the loss
     * steps. Accumulates loss, correct trials and spike counts of this block.
     */
    void run(TrialBatch batch, int from, int count, boolean learn, float scale) {
        if (count > capacity) {
            throw new IllegalArgumentException("a slice holds " + capacity + " trials, asked for " + count);
        }
        this.from = from;
        reset(count);
        boolean[] mask = batch.mask();
        int[] labels = batch.labels();
        int steps = batch.steps();
        markWindow(mask);
        double decayPower = 1;
        for (int t = 0; t < steps; t++) {
            decayPower *= alpha;
            for (int b = 0; b < count; b++) {
                gatherInput(batch, t, b);
                if (learn) {
                    advanceInputTraces(b);
                }
                step(b);
                spikesAfterStep(b, t);
                readout(b);
                if (learn) {
                    if (rule == OnlineRule.D_RTRL) {
                        if (uWindow[t] && (t == 0 || !uWindow[t - 1])) {
                            for (int k = 0; k < n; k++) {
                                Arrays.fill(traceEU[b * n + k], 0f);
                                Arrays.fill(traceIU[b * n + k], 0f);
                            }
                        }
                        advanceTraces(b, uWindow[t]);
                    } else {
                        advanceSmoothedTraces(b);
                    }
                }
                float[] swap = slopeOld[b];
                slopeOld[b] = slopeNew[b];
                slopeNew[b] = swap;
                if (mask[t]) {
                    int label = labels[from + b];
                    lossSum += StepMath.crossEntropy(r, b * nOut, nOut, label);
                    for (int o = 0; o < nOut; o++) {
                        rSum[b * nOut + o] += r[b * nOut + o];
                    }
                    if (learn) {
                        learn(b, label, scale, (float) (1 / (1 - decayPower)));
                    }
                }
            }
        }
        for (int b = 0; b < count; b++) {
            int best = 0;
            for (int o = 1; o < nOut; o++) {
                if (rSum[b * nOut + o] > rSum[b * nOut + best]) {
                    best = o;
                }
            }
            correct += best == labels[from + b] ? 1 : 0;
        }
    }

    private void markWindow(boolean[] mask) {
        if (uWindow.length < mask.length) {
            uWindow = new boolean[mask.length];
        }
        int next = Integer.MAX_VALUE;
        for (int t = mask.length - 1; t >= 0; t--) {
            if (mask[t]) {
                next = t;
            }
            uWindow[t] = next != Integer.MAX_VALUE && next - t <= uHorizon;
        }
    }

    private void reset(int count) {
        for (int b = 0; b < count; b++) {
            for (float[][] rows : new float[][][] {v, ia, ge, gi, addE, addI, u}) {
                Arrays.fill(rows[b], 0f);
            }
            spike.values(v[b], n, vth, z[b]);
            spike.slopes(v[b], n, vth, slopeOld[b]);
        }
        Arrays.fill(r, 0f);
        Arrays.fill(rSum, 0f);
        if (rule == OnlineRule.D_RTRL) {
            for (float[][] rows : new float[][][] {traceEV, traceEIa, traceEU, traceIV, traceIIa, traceIU}) {
                for (int row = 0; row < Math.min(rows.length, count * n); row++) {
                    Arrays.fill(rows[row], 0f);
                }
            }
            for (int b = 0; b < count; b++) {
                Arrays.fill(filteredE[b], 0f);
                Arrays.fill(filteredI[b], 0f);
            }
        } else {
            for (int b = 0; b < count; b++) {
                for (float[][] rows : new float[][][] {smoothedXE, smoothedXI, fV, fIa, fG, fU, hV, hIa, hG, hU}) {
                    Arrays.fill(rows[b], 0f);
                }
            }
        }
    }

    /** Starts a new pass's statistics. */
    void clearStatistics() {
        lossSum = 0;
        correct = 0;
        spikesE = 0;
        spikesI = 0;
    }

    /**
     * Adds the weight rows of the input channels that spiked at step t and of the neurons that spiked
     * after step t − 1 to trial b's conductance inputs, in the order {@link RsnnSlice} adds them (the
     * same floats); records the step's input spikes for the traces.
     */
    private void gatherInput(TrialBatch batch, int t, int b) {
        float[] targetE = addE[b];
        float[] targetI = addI[b];
        int[] start = batch.spikeStart();
        int[] channel = batch.spikeChannel();
        Arrays.fill(inputX, 0f);
        int cell = batch.cell(t, from + b);
        for (int s = start[cell]; s < start[cell + 1]; s++) {
            int c = channel[s];
            inputX[c] = 1f;
            float[] row = magnitude[c];
            for (int k = 0; k < n; k++) {
                targetE[k] += row[k];
            }
        }
        float[] zb = z[b];
        for (int p = 0; p < n; p++) {
            float zp = zb[p];
            if (zp != 0f) {
                float[] row = magnitude[nIn + p];
                float[] target = p < nE ? targetE : targetI;
                for (int k = 0; k < n; k++) {
                    target[k] += zp * row[k];
                }
            }
        }
    }

    /**
     * The presynaptic side of the traces for step t: D-RTRL's synapse-filtered input
     * x̄ ← d_syn·(x̄ + x) (= ∂g/∂w, exact), ES-D-RTRL's ε_x ← α·ε_x + x.
     */
    private void advanceInputTraces(int b) {
        float[] zb = z[b];
        boolean d = rule == OnlineRule.D_RTRL;
        float[] xe = d ? filteredE[b] : smoothedXE[b];
        float[] xi = d ? filteredI[b] : smoothedXI[b];
        float keep = d ? dsyn : alpha;
        float gain = d ? dsyn : 1f;
        for (int i = 0; i < nIn; i++) {
            xe[i] = keep * xe[i] + gain * inputX[i];
        }
        for (int p = 0; p < nE; p++) {
            xe[nIn + p] = keep * xe[nIn + p] + gain * zb[p];
        }
        for (int q = 0; q < xi.length; q++) {
            xi[q] = keep * xi[q] + gain * zb[nE + q];
        }
    }

    /**
     * Trial b's neurons take the reference step (the same float operations as {@link RsnnSlice}), and
     * the step's partial derivatives are kept for the traces.
     */
    private void step(int b) {
        float[] vb = v[b];
        float[] iab = ia[b];
        float[] geb = ge[b];
        float[] gib = gi[b];
        float[] ae = addE[b];
        float[] ai = addI[b];
        float[] zb = z[b];
        float[] rt = rate[b];
        float[] fr = fraction[b];
        for (int k = 0; k < n; k++) {
            float g1 = dsyn * (geb[k] + ae[k]);
            float g2 = dsyn * (gib[k] + ai[k]);
            ae[k] = 0f;
            ai[k] = 0f;
            geb[k] = g1;
            gib[k] = g2;
            rt[k] = dtOverTau * (1f + g1 + g2);
        }
        StepMath.oneMinusExp(rt, fr, n);
        float[] a = coefA[b];
        float[] bb = coefB[b];
        float[] ce = coefE[b];
        float[] ci = coefI[b];
        float[] cs = coefS[b];
        float[] s = slopeOld[b];
        for (int k = 0; k < n; k++) {
            float f = fr[k];
            float g = 1f + geb[k] + gib[k];
            float invG = 1f / g;
            float vr = vb[k] - vth * zb[k];
            float adapt = decayAdapt[k] * (iab[k] - beta * zb[k]);
            float drive = (vRest + adapt + eExc * geb[k] + eInh * gib[k]) * invG;
            float common = dtOverTau * (1f - f) * (drive - vr);
            ce[k] = f * (eExc - drive) * invG + common;
            ci[k] = f * (eInh - drive) * invG + common;
            bb[k] = f * invG;
            a[k] = detach ? 1f - f : (1f - f) * (1f - vth * s[k]);
            cs[k] = detach ? 0f : decayAdapt[k] * beta * s[k];
        }
        for (int k = 0; k < n; k++) {
            float zp = zb[k];
            float g1 = geb[k];
            float g2 = gib[k];
            float vr = vb[k] - vth * zp;
            float adapt = decayAdapt[k] * (iab[k] - beta * zp);
            float g = 1f + g1 + g2;
            vb[k] = vr + fr[k] * ((vRest + adapt + eExc * g1 + eInh * g2) / g - vr);
            iab[k] = adapt;
        }
    }

    /** The spikes and surrogate slopes of the new state; refuses NaN, counts spikes. */
    private void spikesAfterStep(int b, int t) {
        float[] vb = v[b];
        spike.values(vb, n, vth, z[b]);
        spike.slopes(vb, n, vth, slopeNew[b]);
        for (int k = 0; k < n; k++) {
            float vNew = vb[k];
            if (!(Math.abs(vNew) < Float.MAX_VALUE)) {
                throw new IllegalStateException("the membrane potential of " + (k < nE ? "excitatory" : "inhibitory")
                        + " neuron " + k + " in trial " + (from + b) + " became " + vNew + " at step " + t + " ("
                        + t * net.dtMs() + " ms): the weights have grown too large; lower the learning rate or clip the gradient");
            }
            if (!smooth && vNew >= vth) {
                if (k < nE) {
                    spikesE++;
                } else {
                    spikesI++;
                }
            }
        }
    }



    /**
     * r ← d_out·r + x·W_out in {@link RsnnSlice}'s order, and each neuron's share u ← d_out·u + x; x the
     * spikes, or the standardized potentials with their gain dx/dV kept for the traces.
     */
    private void readout(int b) {
        int off = b * nOut;
        for (int o = 0; o < nOut; o++) {
            r[off + o] *= dout;
        }
        if (potential) {
            float[] x = readIn[b];
            Arrays.fill(readGain[b], StepMath.standardize(v[b], 0, n, vth, x, 0));
            StepMath.addReadout(x, 0, n, wOut, nOut, r, off);
            float[] ub = u[b];
            for (int k = 0; k < n; k++) {
                ub[k] = dout * ub[k] + x[k];
            }
            return;
        }
        float[] zb = z[b];
        for (int p = 0; p < n; p++) {
            float zp = zb[p];
            if (zp != 0f) {
                for (int o = 0; o < nOut; o++) {
                    r[off + o] += zp * wOut[p * nOut + o];
                }
            }
        }
        float[] ub = u[b];
        for (int k = 0; k < n; k++) {
            ub[k] = dout * ub[k] + zb[k];
        }
    }

    /**
     * D-RTRL: every weight's trace ε = (∂V, ∂I_a, ∂g, ∂u)/∂w advances by the neuron's own Jacobian D and
     * the weight's direct effect x·D_f. The ∂g part is the shared filtered input x̄; the rest a row per
     * trial and neuron over the presynaptic units.
     */
    private void advanceTraces(int b, boolean withU) {
        float[] a = coefA[b];
        float[] bb = coefB[b];
        float[] cs = coefS[b];
        float[] ce = coefE[b];
        float[] ci = coefI[b];
        float[] sNew = potential ? readGain[b] : slopeNew[b];
        float[] xe = filteredE[b];
        float[] xi = filteredI[b];
        if (detach) {
            for (int k = 0; k < n; k++) {
                int row = b * n + k;
                if (withU) {
                    traceRow(a[k], ce[k], sNew[k], dout, xe, traceEV[row], traceEU[row]);
                    traceRow(a[k], ci[k], sNew[k], dout, xi, traceIV[row], traceIU[row]);
                } else {
                    traceRow(a[k], ce[k], xe, traceEV[row]);
                    traceRow(a[k], ci[k], xi, traceIV[row]);
                }
            }
            return;
        }
        for (int k = 0; k < n; k++) {
            int row = b * n + k;
            if (withU) {
                traceRow(decayAdapt[k], cs[k], a[k], bb[k], ce[k], sNew[k], dout, xe, traceEV[row], traceEIa[row], traceEU[row]);
                traceRow(decayAdapt[k], cs[k], a[k], bb[k], ci[k], sNew[k], dout, xi, traceIV[row], traceIIa[row], traceIU[row]);
            } else {
                traceRow(decayAdapt[k], cs[k], a[k], bb[k], ce[k], xe, traceEV[row], traceEIa[row]);
                traceRow(decayAdapt[k], cs[k], a[k], bb[k], ci[k], xi, traceIV[row], traceIIa[row]);
            }
        }
    }

    /** With detached resets ∂I_a/∂w is 0: ∂V/∂w ← a·∂V/∂w + c·x̄ alone. */
    private static void traceRow(float a, float c, float[] x, float[] ev) {
        for (int i = 0; i < x.length; i++) {
            ev[i] = a * ev[i] + c * x[i];
        }
    }

    /** The same with ∂u/∂w. */
    private static void traceRow(float a, float c, float slope, float dout, float[] x, float[] ev, float[] eu) {
        for (int i = 0; i < x.length; i++) {
            float nextV = a * ev[i] + c * x[i];
            ev[i] = nextV;
            eu[i] = dout * eu[i] + slope * nextV;
        }
    }

    /** {@link #traceRow(float, float, float, float, float, float, float, float[], float[], float[], float[])} without ∂u/∂w. */
    private static void traceRow(float decay, float jump, float a, float b, float c, float[] x, float[] ev, float[] ei) {
        for (int i = 0; i < x.length; i++) {
            float nextIa = decay * ei[i] - jump * ev[i];
            ei[i] = nextIa;
            ev[i] = a * ev[i] + b * nextIa + c * x[i];
        }
    }

    /** One neuron's traces for the weights of the units x̄ (its step's coefficients as scalars). */
    private static void traceRow(float decay, float jump, float a, float b, float c, float slope, float dout, float[] x,
                                 float[] ev, float[] ei, float[] eu) {
        for (int i = 0; i < x.length; i++) {
            float nextIa = decay * ei[i] - jump * ev[i];
            float nextV = a * ev[i] + b * nextIa + c * x[i];
            ei[i] = nextIa;
            ev[i] = nextV;
            eu[i] = dout * eu[i] + slope * nextV;
        }
    }

    /** ES-D-RTRL: ε_f ← α·D·ε_f + (1 − α)·D_f for each conductance's input, per neuron and state. */
    private void advanceSmoothedTraces(int b) {
        smoothedStep(b, coefE[b], fV[b], fIa[b], fG[b], fU[b]);
        smoothedStep(b, coefI[b], hV[b], hIa[b], hG[b], hU[b]);
    }

    private void smoothedStep(int b, float[] c, float[] tv, float[] tia, float[] tg, float[] tu) {
        float[] a = coefA[b];
        float[] bb = coefB[b];
        float[] cs = coefS[b];
        float[] sNew = potential ? readGain[b] : slopeNew[b];
        float gIn = dsyn * (1f - alpha);
        float alphaDsyn = alpha * dsyn;
        float alphaDout = alpha * dout;
        for (int k = 0; k < n; k++) {
            float nextG = alphaDsyn * tg[k] + gIn;
            float nextIa = alpha * (decayAdapt[k] * tia[k] - cs[k] * tv[k]);
            float nextV = alpha * a[k] * tv[k] + bb[k] * nextIa + c[k] * nextG;
            tg[k] = nextG;
            tia[k] = nextIa;
            tv[k] = nextV;
            tu[k] = alphaDout * tu[k] + sNew[k] * nextV;
        }
    }

    /**
     * A loss step of trial b: dL/dr (the softmax gradient, scaled), the readout's exact gradient u·dL/dr,
     * the learning signal δ_u = dL/dr·W_outᵀ, and its contraction with the traces.
     */
    private void learn(int b, int label, float scale, float biasCorrection) {
        Arrays.fill(signal, 0f);
        StepMath.addCrossEntropyGradient(r, b * nOut, nOut, label, scale, signal, 0);
        float[] du = deltaU[b];
        float[] ub = u[b];
        Arrays.fill(du, 0f);
        for (int o = 0; o < nOut; o++) {
            float l = signal[o];
            float[] w = readoutT[o];
            float[] g = gradOutT[o];
            for (int k = 0; k < n; k++) {
                du[k] += l * w[k];
                g[k] += l * ub[k];
            }
        }
        if (potential) {
            StepMath.center(du, 0, n);
        }
        if (rule == OnlineRule.D_RTRL) {
            for (int k = 0; k < n; k++) {
                float d = du[k];
                if (d != 0f) {
                    accumulate(gradET[k], d, traceEU[b * n + k]);
                    accumulate(gradIT[k], d, traceIU[b * n + k]);
                }
            }
            return;
        }
        float[] ue = fU[b];
        float[] ui = hU[b];
        for (int k = 0; k < n; k++) {
            float d = du[k] * biasCorrection;
            if (d != 0f) {
                accumulate(gradET[k], d * ue[k], smoothedXE[b]);
                accumulate(gradIT[k], d * ui[k], smoothedXI[b]);
            }
        }
    }

    private static void accumulate(float[] g, float d, float[] x) {
        for (int i = 0; i < g.length; i++) {
            g[i] += d * x[i];
        }
    }

    /** The pass's gradient with respect to the raw weights (through |w| and the masks), rebuilt from the accumulators. */
    RsnnWeights gradient() {
        gradient.clear();
        throughMagnitude(gradET, 0, nIn, weights.input(), net.inputMask(), gradient.input());
        throughMagnitude(gradET, nIn, nE, weights.excitatory(), net.excitatoryMask(), gradient.excitatory());
        throughMagnitude(gradIT, 0, n - nE, weights.inhibitory(), net.inhibitoryMask(), gradient.inhibitory());
        float[] out = gradient.readout();
        for (int k = 0; k < n; k++) {
            for (int o = 0; o < nOut; o++) {
                out[k * nOut + o] = gradOutT[o][k];
            }
        }
        return gradient;
    }

    private void throughMagnitude(float[][] transposed, int firstColumn, int rows, float[] raw, boolean[] mask, float[] target) {
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < n; k++) {
                int at = i * n + k;
                float g = transposed[k][firstColumn + i];
                if (mask == null || mask[at]) {
                    target[at] = raw[at] > 0 ? g : raw[at] < 0 ? -g : 0f;
                }
            }
        }
    }

    double lossSum() {
        return lossSum;
    }

    int correct() {
        return correct;
    }

    long spikesE() {
        return spikesE;
    }

    long spikesI() {
        return spikesI;
    }
}
