package org.brainfx.engine.train;

import java.util.Arrays;
import org.brainfx.engine.task.TrialBatch;

/**
 * The forward and reverse pass of an {@link EiRsnn} over a block of consecutive trials of a batch:
 * one thread's share of a training step. Lanes are trials × neurons (lane = trial·N + neuron), every
 * state a {@code float}. The forward pass propagates only what spiked (input channels and recurrent
 * neurons add their weight rows), keeps the trajectory (V, I_a, g_E, g_I per step) and the spike lists,
 * and accumulates the loss; the reverse pass walks back through the same steps: neuron adjoints by the
 * closed-form step's partial derivatives, dL/dz_pre = δ·|W|ᵀ as one dense product per projection
 * ({@link TransposedProduct}), and dL/d|W| = z_preᵀ·δ touching only the rows of inputs and neurons that
 * spiked. Memory: four floats per lane and step (~450 MB for 128 trials × 2 200 steps × 200 neurons).
 *
 * <p>The step is the reference code's (REFERENCE.md "The E/I network step"): z from the state at the
 * step's start; spikes added to the conductances before their decay; V reset by subtraction and I_a
 * decayed (after its jump) before V's exponential-Euler step with the conductances in its linear term;
 * both resets differentiable unless the network detaches them. The readout reads the spikes, or the
 * standardized potentials ({@link EiRsnn.Readout#POTENTIAL}, σ a constant for the gradient: their
 * adjoint goes straight to V, centered over the trial's neurons).
 */
final class RsnnSlice {
    /**
     * Readout adjoints below this are set to 0: back through a long delay they decay geometrically into
     * subnormal floats, which the CPU handles ~100× slower (Java cannot set flush-to-zero), while
     * contributing nothing a float gradient can hold.
     */
    private static final float TINY = 1e-30f;
    /** The per-lane arrays a slice holds besides its trajectory (states, adjoints, work arrays). */
    static final int LANE_ARRAYS = 22;

    private final EiRsnn net;
    private final int capacity;
    private final int n;
    private final int nE;
    private final int nI;
    private final int nOut;
    private final float vth;
    private final float dsyn;
    private final float dout;
    private final float dtOverTau;
    /** exp(−dt/τ_a) per lane (the neuron's value repeated for every trial), so lane loops run flat and vectorize. */
    private final float[] decayAdapt;
    private final float[] zPrev;
    private final double[] neuronSpikes;
    private final float[] regularizerSlope;
    private double regularizer;
    private double targetHz;
    private double regularizerLoss;
    private final float[] rate;
    private final float[] lv;
    private final float[] inverseG;
    private final float[] drive;
    private final float[] common;
    private final float[] fraction;
    private final float[] slope;
    private final float[] zeros;
    private final float[] readoutT;
    private final SpikeFunction spike;
    private final boolean smooth;
    private final float vRest;
    private final float beta;
    private final float eExc;
    private final float eInh;
    private final boolean potential;
    private final boolean detach;
    /** The potential readout's input of one step (lanes). */
    private final float[] readIn;
    /** The potential readout's gain 1/(V_th·σ) per step and trial (the backward pass's; sized with the trajectory). */
    private float[] gainHist = new float[0];
    /** The potential readout's adjoint of one trial's inputs. */
    private final float[] readAdjoint;

    private final float[] v;
    private final float[] ia;
    private final float[] ge;
    private final float[] gi;
    private final float[] addE;
    private final float[] addI;
    private final float[] r;
    private final float[] rSum;
    private final int[] chosen;

    private RsnnWeights weights;
    private float[] aIn;
    private float[] aE;
    private float[] aI;
    private float[] wOut;
    private final TransposedProduct productE;
    private final TransposedProduct productI;

    private int steps;
    private int trials;
    private int from;
    /** The trajectory, a row of lanes per step: loops index rows from 0, which C2 vectorizes (an offset index runs ~4× slower). */
    private float[][] vHist = new float[0][];
    private float[][] iaHist = new float[0][];
    private float[][] geHist = new float[0][];
    private float[][] giHist = new float[0][];
    private float[] rHist = new float[0];
    /** Spike lists: entries zStart[t + 1] … zStart[t + 2] − 1 are the spikes after step t (t = −1: initial state). */
    private int[] zStart = new int[2];
    private int[] zLane = new int[1024];
    private float[] zValue = new float[1024];

    private final float[] lamV;
    private final float[] lamIa;
    private final float[] dz;
    private final float[] deltaE;
    private final float[] deltaI;
    private final float[] dzE;
    private final float[] dzI;
    private final float[] lamR;
    private final RsnnWeights gradient;

    private double lossSum;
    private int correct;
    private long spikesE;
    private long spikesI;

    RsnnSlice(EiRsnn net, int capacity) {
        this.net = net;
        this.capacity = capacity;
        this.n = net.neurons();
        this.nE = net.excitatory();
        this.nI = net.inhibitory();
        this.nOut = net.outputs();
        this.vth = (float) net.vThreshold();
        this.dsyn = (float) Math.exp(-net.dtMs() / net.tauSynMs());
        this.dout = (float) Math.exp(-net.dtMs() / net.tauOutMs());
        this.dtOverTau = (float) (net.dtMs() / net.tauMs());
        this.spike = net.spike();
        this.smooth = spike.smooth();
        this.vRest = (float) net.vRest();
        this.beta = (float) net.beta();
        this.eExc = (float) net.eExc();
        this.eInh = (float) net.eInh();
        this.potential = net.readout() == EiRsnn.Readout.POTENTIAL;
        this.detach = net.detachReset();
        int lanes = capacity * n;
        this.decayAdapt = new float[lanes];
        for (int k = 0; k < n; k++) {
            float d = (float) Math.exp(-net.dtMs() / net.tauAdaptMs()[k]);
            for (int j = 0; j < capacity; j++) {
                decayAdapt[j * n + k] = d;
            }
        }
        zPrev = new float[lanes];
        neuronSpikes = new double[n];
        regularizerSlope = new float[lanes];
        rate = new float[lanes];
        lv = new float[lanes];
        inverseG = new float[lanes];
        drive = new float[lanes];
        common = new float[lanes];
        fraction = new float[lanes];
        slope = new float[lanes];
        zeros = new float[lanes];
        readoutT = new float[nOut * n];
        v = new float[lanes];
        ia = new float[lanes];
        ge = new float[lanes];
        gi = new float[lanes];
        addE = new float[lanes];
        addI = new float[lanes];
        r = new float[capacity * nOut];
        rSum = new float[capacity * nOut];
        chosen = new int[capacity];
        lamV = new float[lanes];
        lamIa = new float[lanes];
        dz = new float[lanes];
        deltaE = new float[lanes];
        deltaI = new float[lanes];
        dzE = new float[capacity * nE];
        dzI = new float[capacity * nI];
        lamR = new float[capacity * nOut];
        readIn = new float[potential ? lanes : 0];
        readAdjoint = new float[potential ? n : 0];
        gradient = RsnnWeights.zeros(net);
        productE = new TransposedProduct(capacity, n, nE);
        productI = new TransposedProduct(capacity, n, nI);
    }

    /** Uploads the effective weights (|w| masked) for the passes that follow; the gradient's signs come from {@code w}. */
    void use(RsnnWeights w) {
        weights = w;
        aIn = magnitudes(w.input(), net.inputMask());
        aE = magnitudes(w.excitatory(), net.excitatoryMask());
        aI = magnitudes(w.inhibitory(), net.inhibitoryMask());
        wOut = w.readout();
        for (int k = 0; k < n; k++) {
            for (int o = 0; o < nOut; o++) {
                readoutT[o * n + k] = wOut[k * nOut + o];
            }
        }
        productE.setMagnitudes(w.excitatory(), net.excitatoryMask());
        productI.setMagnitudes(w.inhibitory(), net.inhibitoryMask());
    }

    private static float[] magnitudes(float[] raw, boolean[] mask) {
        float[] a = new float[raw.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = mask == null || mask[i] ? Math.abs(raw[i]) : 0f;
        }
        return a;
    }

    /**
     * Runs trials [{@code from}, {@code from + count}) of {@code batch} forward from rest, accumulating
     * the loss (summed, unscaled), the number of correct trials and spike counts; with {@code keep} the
     * trajectory is kept for {@link #backward}.
     */
    void forward(TrialBatch batch, int from, int count, boolean keep) {
        if (count > capacity) {
            throw new IllegalArgumentException("a slice holds " + capacity + " trials, asked for " + count);
        }
        if (batch.channels() != net.inputs()) {
            throw new IllegalArgumentException("task '" + batch.task() + "' has " + batch.channels()
                    + " input channels but the network has " + net.inputs() + " inputs");
        }
        if (batch.classNames().size() != nOut) {
            throw new IllegalArgumentException("task '" + batch.task() + "' has " + batch.classNames().size()
                    + " classes but the network has " + nOut + " readout units");
        }
        this.trials = count;
        this.from = from;
        this.steps = batch.steps();
        int lanes = count * n;
        if (keep) {
            ensureHistory(lanes);
        }
        Arrays.fill(v, 0, lanes, 0f);
        Arrays.fill(ia, 0, lanes, 0f);
        Arrays.fill(ge, 0, lanes, 0f);
        Arrays.fill(gi, 0, lanes, 0f);
        Arrays.fill(addE, 0, lanes, 0f);
        Arrays.fill(addI, 0, lanes, 0f);
        Arrays.fill(r, 0, count * nOut, 0f);
        Arrays.fill(rSum, 0, count * nOut, 0f);
        if (zStart.length < steps + 2) {
            zStart = new int[steps + 2];
        }
        if (rHist.length < steps * count * nOut) {
            rHist = new float[steps * count * nOut];
        }
        if (potential && gainHist.length < steps * count) {
            gainHist = new float[steps * count];
        }
        lossSum = 0;
        correct = 0;
        spikesE = 0;
        Arrays.fill(neuronSpikes, 0);
        spikesI = 0;
        int entries = 0;
        zStart[0] = 0;
        if (net.spike().smooth()) {
            for (int lane = 0; lane < lanes; lane++) {
                entries = append(entries, lane, net.spike().value(-1f));
            }
        }
        zStart[1] = entries;
        spike.values(v, lanes, vth, zPrev);
        boolean[] mask = batch.mask();
        int[] labels = batch.labels();
        for (int t = 0; t < steps; t++) {
            addInputs(batch, t, aIn, addE);
            for (int e = zStart[t]; e < zStart[t + 1]; e++) {
                int lane = zLane[e];
                int j = lane / n;
                int p = lane - j * n;
                float z = zValue[e];
                if (p < nE) {
                    axpy(z, aE, p * n, addE, j * n, n);
                } else {
                    axpy(z, aI, (p - nE) * n, addI, j * n, n);
                }
            }
            advance(lanes);
            entries = collectSpikes(t, count, entries);
            if (keep) {
                System.arraycopy(v, 0, vHist[t], 0, lanes);
                System.arraycopy(ia, 0, iaHist[t], 0, lanes);
                System.arraycopy(ge, 0, geHist[t], 0, lanes);
                System.arraycopy(gi, 0, giHist[t], 0, lanes);
            }
            zStart[t + 2] = entries;
            readout(t, count);
            if (mask[t]) {
                for (int j = 0; j < count; j++) {
                    lossSum += StepMath.crossEntropy(r, j * nOut, nOut, labels[from + j]);
                    for (int o = 0; o < nOut; o++) {
                        rSum[j * nOut + o] += r[j * nOut + o];
                    }
                }
            }
        }
        for (int j = 0; j < count; j++) {
            int best = 0;
            for (int o = 1; o < nOut; o++) {
                if (rSum[j * nOut + o] > rSum[j * nOut + best]) {
                    best = o;
                }
            }
            correct += best == labels[from + j] ? 1 : 0;
            chosen[j] = best;
        }
        rateRegularizer(batch.trials());
    }

    /**
     * Sets the rate regularizer for the passes that follow: λ·mean over neurons of (rate − target)², each
     * neuron's rate taken over this block of trials (the batch's when one block holds it), weighted by the
     * block's share of the batch; 0 turns it off.
     */
    void useRateRegularizer(double lambda, double targetHz) {
        this.regularizer = lambda;
        this.targetHz = targetHz;
    }

    /** The regularizer's loss for the last forward pass and its constant dL/dz per lane for the reverse pass. */
    private void rateRegularizer(int batchTrials) {
        regularizerLoss = 0;
        if (regularizer == 0) {
            Arrays.fill(regularizerSlope, 0f);
            return;
        }
        double seconds = steps * net.dtMs() / 1000;
        double sum = 0;
        for (int k = 0; k < n; k++) {
            double rate = neuronSpikes[k] / (trials * seconds);
            sum += (rate - targetHz) * (rate - targetHz);
            float slopeK = (float) (regularizer * 2 * (rate - targetHz) / ((double) n * batchTrials * seconds));
            for (int j = 0; j < trials; j++) {
                regularizerSlope[j * n + k] = slopeK;
            }
        }
        regularizerLoss = regularizer * ((double) trials / batchTrials) * sum / n;
    }

    /** The rate regularizer's share of the loss from the last forward pass. */
    double regularizerLoss() {
        return regularizerLoss;
    }

    /**
     * One step of every lane's neuron (the reference step), from the conductance input gathered in
     * addE/addI and the spikes of the last step in zPrev; leaves the new spikes in zPrev. Flat, branch-free loops over lanes: C2 vectorizes them (~0.5 ns a lane against ~4 with
     * a per-neuron index or a conditional in the loop, measured here).
     */
    private void advance(int lanes) {
        for (int lane = 0; lane < lanes; lane++) {
            float g1 = dsyn * (ge[lane] + addE[lane]);
            float g2 = dsyn * (gi[lane] + addI[lane]);
            addE[lane] = 0f;
            addI[lane] = 0f;
            ge[lane] = g1;
            gi[lane] = g2;
            rate[lane] = dtOverTau * (1f + g1 + g2);
        }
        StepMath.oneMinusExp(rate, fraction, lanes);
        for (int lane = 0; lane < lanes; lane++) {
            float zp = zPrev[lane];
            float g1 = ge[lane];
            float g2 = gi[lane];
            float vr = v[lane] - vth * zp;
            float a = decayAdapt[lane] * (ia[lane] - beta * zp);
            float g = 1f + g1 + g2;
            v[lane] = vr + fraction[lane] * ((vRest + a + eExc * g1 + eInh * g2) / g - vr);
            ia[lane] = a;
        }
        spike.values(v, lanes, vth, zPrev);
    }


    /** Lists the lanes that spiked after step t (all lanes, with their values, for the smooth spike) and refuses NaN. */
    private int collectSpikes(int t, int count, int entries) {
        int lanes = count * n;
        if (smooth) {
            for (int lane = 0; lane < lanes; lane++) {
                checkFinite(t, lane);
                int k = lane % n;
                float z = zPrev[lane];
                entries = append(entries, lane, z);
                neuronSpikes[k] += z;
            }
            return entries;
        }
        // Spikes are rare (~0.1 % of lanes a step): test eight lanes at once by sums that are 0 unless one
        // spiked, and finite unless a potential is not (NaN and ±∞ reach the sum of the potentials).
        int lane = 0;
        for (; lane + 8 <= lanes; lane += 8) {
            float z = zPrev[lane] + zPrev[lane + 1] + zPrev[lane + 2] + zPrev[lane + 3] + zPrev[lane + 4] + zPrev[lane + 5]
                    + zPrev[lane + 6] + zPrev[lane + 7];
            float sum = v[lane] + v[lane + 1] + v[lane + 2] + v[lane + 3] + v[lane + 4] + v[lane + 5] + v[lane + 6] + v[lane + 7];
            if (z != 0f || !(Math.abs(sum) < Float.MAX_VALUE)) {
                for (int l = lane; l < lane + 8; l++) {
                    entries = spikeAt(t, l, entries);
                }
            }
        }
        for (; lane < lanes; lane++) {
            entries = spikeAt(t, lane, entries);
        }
        return entries;
    }

    private int spikeAt(int t, int lane, int entries) {
        checkFinite(t, lane);
        if (zPrev[lane] == 0f) {
            return entries;
        }
        int k = lane % n;
        neuronSpikes[k]++;
        if (k < nE) {
            spikesE++;
        } else {
            spikesI++;
        }
        return append(entries, lane, 1f);
    }

    private void checkFinite(int t, int lane) {
        float vNew = v[lane];
        if (!(Math.abs(vNew) < Float.MAX_VALUE)) {
            int j = lane / n;
            int k = lane - j * n;
            throw new IllegalStateException("the membrane potential of " + (k < nE ? "excitatory" : "inhibitory")
                    + " neuron " + k + " in trial " + (from + j) + " became " + vNew + " at step " + t + " ("
                    + t * net.dtMs() + " ms): the weights have grown too large; lower the learning rate or clip the gradient");
        }
    }

    private void readout(int t, int count) {
        for (int i = 0; i < count * nOut; i++) {
            r[i] *= dout;
        }
        if (potential) {
            for (int j = 0; j < count; j++) {
                gainHist[t * count + j] = StepMath.standardize(v, j * n, n, vth, readIn, j * n);
                StepMath.addReadout(readIn, j * n, n, wOut, nOut, r, j * nOut);
            }
            System.arraycopy(r, 0, rHist, t * count * nOut, count * nOut);
            return;
        }
        for (int e = zStart[t + 1]; e < zStart[t + 2]; e++) {
            int lane = zLane[e];
            int j = lane / n;
            int p = lane - j * n;
            float z = zValue[e];
            for (int o = 0; o < nOut; o++) {
                r[j * nOut + o] += z * wOut[p * nOut + o];
            }
        }
        System.arraycopy(r, 0, rHist, t * count * nOut, count * nOut);
    }

    /** Adds the weight rows of the input channels that spiked at step t to the excitatory input. */
    private void addInputs(TrialBatch batch, int t, float[] weights, float[] target) {
        int[] start = batch.spikeStart();
        int[] channel = batch.spikeChannel();
        for (int j = 0; j < trials; j++) {
            int cell = batch.cell(t, from + j);
            for (int s = start[cell]; s < start[cell + 1]; s++) {
                axpy(1f, weights, channel[s] * n, target, j * n, n);
            }
        }
    }

    private static void axpy(float a, float[] x, int xOff, float[] y, int yOff, int len) {
        for (int i = 0; i < len; i++) {
            y[yOff + i] += a * x[xOff + i];
        }
    }

    private int append(int entries, int lane, float value) {
        if (entries == zLane.length) {
            zLane = Arrays.copyOf(zLane, entries * 2);
            zValue = Arrays.copyOf(zValue, entries * 2);
        }
        zLane[entries] = lane;
        zValue[entries] = value;
        return entries + 1;
    }

    private void ensureHistory(int lanes) {
        if (vHist.length < steps || vHist[0].length < lanes) {
            vHist = new float[0][];
            iaHist = new float[0][];
            geHist = new float[0][];
            giHist = new float[0][];
            vHist = rows(steps, lanes);
            iaHist = rows(steps, lanes);
            geHist = rows(steps, lanes);
            giHist = rows(steps, lanes);
        }
    }

    /**
     * {@code count} zeroed rows of {@code length}, allocated one at a time: {@code new float[count][length]}
     * allocates every row in one call into the JVM that no safepoint can interrupt (113 MB for a slice of
     * 64 trials of 2 200 steps, 50-150 ms at the first batch), and every other thread, the workbench's
     * window included, waited for it at the safepoint the collection it set off asked for.
     */
    private static float[][] rows(int count, int length) {
        float[][] rows = new float[count][];
        for (int k = 0; k < count; k++) {
            rows[k] = new float[length];
        }
        return rows;
    }

    /**
     * The reverse pass of the last {@link #forward} (kept): adds dL/dw of the loss
     * {@code scale}·Σ cross-entropies into {@link #gradient()} (raw weights: through |w| and the masks).
     */
    void backward(TrialBatch batch, float scale) {
        int count = trials;
        int lanes = count * n;
        boolean[] mask = batch.mask();
        int[] labels = batch.labels();
        Arrays.fill(lamV, 0, lanes, 0f);
        Arrays.fill(lamIa, 0, lanes, 0f);
        Arrays.fill(deltaE, 0, lanes, 0f);
        Arrays.fill(deltaI, 0, lanes, 0f);
        Arrays.fill(dz, 0, lanes, 0f);
        Arrays.fill(lamR, 0, count * nOut, 0f);
        float[] gIn = new float[aIn.length];
        float[] gE = new float[aE.length];
        float[] gI = new float[aI.length];
        float[] gOut = gradient.readout();
        int[] start = batch.spikeStart();
        int[] channel = batch.spikeChannel();
        for (int t = steps - 1; t >= 0; t--) {
            if (mask[t]) {
                softmaxGradient(t, count, labels, scale);
            }
            if (potential) {
                readoutInputGradient(t, count, gOut);
            } else {
                for (int e = zStart[t + 1]; e < zStart[t + 2]; e++) {
                    int lane = zLane[e];
                    int j = lane / n;
                    int p = lane - j * n;
                    float z = zValue[e];
                    for (int o = 0; o < nOut; o++) {
                        gOut[p * nOut + o] += z * lamR[j * nOut + o];
                    }
                }
            }
            reverseStep(t, count);
            if (nE > 0) {
                productE.multiply(deltaE, dzE);
                for (int j = 0; j < count; j++) {
                    axpy(1f, dzE, j * nE, dz, j * n, nE);
                }
            }
            if (nI > 0) {
                productI.multiply(deltaI, dzI);
                for (int j = 0; j < count; j++) {
                    axpy(1f, dzI, j * nI, dz, j * n + nE, nI);
                }
            }
            for (int e = zStart[t]; e < zStart[t + 1]; e++) {
                int lane = zLane[e];
                int j = lane / n;
                int p = lane - j * n;
                float z = zValue[e];
                if (p < nE) {
                    axpy(z, deltaE, j * n, gE, p * n, n);
                } else {
                    axpy(z, deltaI, j * n, gI, (p - nE) * n, n);
                }
            }
            for (int j = 0; j < count; j++) {
                int cell = batch.cell(t, from + j);
                for (int s = start[cell]; s < start[cell + 1]; s++) {
                    axpy(1f, deltaE, j * n, gIn, channel[s] * n, n);
                }
            }
            for (int i = 0; i < count * nOut; i++) {
                float decayed = lamR[i] * dout;
                lamR[i] = Math.abs(decayed) < TINY ? 0f : decayed;
            }
        }
        throughMagnitude(gIn, weights.input(), net.inputMask(), gradient.input());
        throughMagnitude(gE, weights.excitatory(), net.excitatoryMask(), gradient.excitatory());
        throughMagnitude(gI, weights.inhibitory(), net.inhibitoryMask(), gradient.inhibitory());
    }

    /**
     * The reverse of step t for every lane: from the adjoints of the states after step t (and dL/dz of
     * its spikes in {@code dz}) to those before it, the local part of dL/dz of the previous spikes, and
     * the conductance inputs' adjoints δ_E, δ_I.
     */
    private void reverseStep(int t, int count) {
        int lanes = count * n;
        float[] before = t > 0 ? vHist[t - 1] : zeros;
        float[] iaRow = iaHist[t];
        float[] geRow = geHist[t];
        float[] giRow = giHist[t];
        spike.values(before, lanes, vth, zPrev);
        spike.slopes(vHist[t], lanes, vth, slope);
        addReadoutAdjoint(t, count);
        for (int lane = 0; lane < lanes; lane++) {
            rate[lane] = dtOverTau * (1f + geRow[lane] + giRow[lane]);
        }
        StepMath.oneMinusExp(rate, fraction, lanes);
        // Small loops, each vectorized by C2 (one loop with all of it is not).
        for (int lane = 0; lane < lanes; lane++) {
            lv[lane] = lamV[lane] + slope[lane] * (dz[lane] + regularizerSlope[lane]);
        }
        for (int lane = 0; lane < lanes; lane++) {
            float g1 = geRow[lane];
            float g2 = giRow[lane];
            float invG = 1f / (1f + g1 + g2);
            inverseG[lane] = invG;
            drive[lane] = (vRest + iaRow[lane] + eExc * g1 + eInh * g2) * invG;
        }
        for (int lane = 0; lane < lanes; lane++) {
            float l = lv[lane];
            float f = fraction[lane];
            float lvr = l * (1f - f);
            float liaTotal = lamIa[lane] + l * f * inverseG[lane];
            float da = decayAdapt[lane];
            lamIa[lane] = da * liaTotal;
            lamV[lane] = lvr;
            dz[lane] = detach ? 0f : -beta * da * liaTotal - vth * lvr;
        }
        for (int lane = 0; lane < lanes; lane++) {
            float vr = before[lane] - vth * zPrev[lane];
            common[lane] = lv[lane] * dtOverTau * (1f - fraction[lane]) * (drive[lane] - vr);
        }
        for (int lane = 0; lane < lanes; lane++) {
            deltaE[lane] = dsyn * (deltaE[lane] + lv[lane] * fraction[lane] * (eExc - drive[lane]) * inverseG[lane] + common[lane]);
        }
        for (int lane = 0; lane < lanes; lane++) {
            deltaI[lane] = dsyn * (deltaI[lane] + lv[lane] * fraction[lane] * (eInh - drive[lane]) * inverseG[lane] + common[lane]);
        }
    }


    /**
     * The potential readout at step t: dL/dW_out += xᵀ·λ_r with x recomputed from the kept potentials (the
     * same floats as forward), for trials whose λ_r is not zero.
     */
    private void readoutInputGradient(int t, int count, float[] gOut) {
        for (int j = 0; j < count; j++) {
            if (!nonZero(lamR, j * nOut, nOut)) {
                continue;
            }
            StepMath.standardize(vHist[t], j * n, n, vth, readIn, j * n);
            for (int k = 0; k < n; k++) {
                float x = readIn[j * n + k];
                for (int o = 0; o < nOut; o++) {
                    gOut[k * nOut + o] += x * lamR[j * nOut + o];
                }
            }
        }
    }

    private static boolean nonZero(float[] a, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (a[off + i] != 0f) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the readout's part of the adjoints after step t: λ_r·W_outᵀ to {@code dz} (spikes), or, for the
     * potential readout, that centered over the trial's neurons times 1/(V_th·σ) to λ_V; nothing while λ_r
     * is zero (most of a long delay).
     */
    private void addReadoutAdjoint(int t, int count) {
        if (potential) {
            for (int j = 0; j < count; j++) {
                if (!nonZero(lamR, j * nOut, nOut)) {
                    continue;
                }
                Arrays.fill(readAdjoint, 0f);
                for (int o = 0; o < nOut; o++) {
                    axpy(lamR[j * nOut + o], readoutT, o * n, readAdjoint, 0, n);
                }
                StepMath.center(readAdjoint, 0, n);
                axpy(gainHist[t * count + j], readAdjoint, 0, lamV, j * n, n);
            }
            return;
        }
        for (int j = 0; j < count; j++) {
            for (int o = 0; o < nOut; o++) {
                float l = lamR[j * nOut + o];
                if (l != 0f) {
                    axpy(l, readoutT, o * n, dz, j * n, n);
                }
            }
        }
    }

    private static void throughMagnitude(float[] gAbs, float[] raw, boolean[] mask, float[] target) {
        for (int i = 0; i < gAbs.length; i++) {
            if (mask == null || mask[i]) {
                target[i] += raw[i] > 0 ? gAbs[i] : raw[i] < 0 ? -gAbs[i] : 0f;
            }
        }
    }

    private void softmaxGradient(int t, int count, int[] labels, float scale) {
        int off = t * count * nOut;
        for (int j = 0; j < count; j++) {
            StepMath.addCrossEntropyGradient(rHist, off + j * nOut, nOut, labels[from + j], scale, lamR, j * nOut);
        }
    }

    /** The gradient accumulated by {@link #backward} since the last {@link #clearGradient()}. */
    RsnnWeights gradient() {
        return gradient;
    }

    void clearGradient() {
        gradient.clear();
    }

    /** The summed cross-entropy of the last forward pass (over trials and masked steps). */
    double lossSum() {
        return lossSum;
    }

    /** The class the readout chose in local trial {@code j} of the last forward pass. */
    int chosen(int j) {
        return chosen[j];
    }

    /** Correct trials of the last forward pass. */
    int correct() {
        return correct;
    }

    /** Excitatory spikes of the last forward pass. */
    long spikesE() {
        return spikesE;
    }

    /** Inhibitory spikes of the last forward pass. */
    long spikesI() {
        return spikesI;
    }

    /** The kept membrane potential of neuron {@code k} in local trial {@code j} after step {@code t}. */
    float voltage(int t, int j, int k) {
        return vHist[t][j * n + k];
    }

    /** The kept readout unit {@code o} of local trial {@code j} after step {@code t}. */
    float readoutValue(int t, int j, int o) {
        return rHist[t * trials * nOut + j * nOut + o];
    }

    /** Visits the recurrent spikes of local trial {@code j} as (step, neuron). */
    void spikes(int j, java.util.function.BiConsumer<Integer, Integer> visitor) {
        for (int t = 0; t < steps; t++) {
            for (int e = zStart[t + 1]; e < zStart[t + 2]; e++) {
                int lane = zLane[e];
                if (lane / n == j && zValue[e] >= 0.5f) {
                    visitor.accept(t, lane - j * n);
                }
            }
        }
    }
}
