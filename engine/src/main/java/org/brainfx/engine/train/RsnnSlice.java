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
 * both resets differentiable.
 */
final class RsnnSlice {
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
    private final float[] decayAdapt;

    private final float[] v;
    private final float[] ia;
    private final float[] ge;
    private final float[] gi;
    private final float[] addE;
    private final float[] addI;
    private final float[] r;
    private final float[] rSum;

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
    private float[] vHist = new float[0];
    private float[] iaHist = new float[0];
    private float[] geHist = new float[0];
    private float[] giHist = new float[0];
    private float[] rHist = new float[0];
    /** Spike lists: entries zStart[t + 1] … zStart[t + 2] − 1 are the spikes after step t (t = −1: initial state). */
    private int[] zStart = new int[2];
    private int[] zLane = new int[1024];
    private float[] zValue = new float[1024];

    private final float[] lamV;
    private final float[] lamIa;
    private final float[] lamGe;
    private final float[] lamGi;
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
        this.decayAdapt = new float[n];
        for (int k = 0; k < n; k++) {
            decayAdapt[k] = (float) Math.exp(-net.dtMs() / net.tauAdaptMs()[k]);
        }
        int lanes = capacity * n;
        v = new float[lanes];
        ia = new float[lanes];
        ge = new float[lanes];
        gi = new float[lanes];
        addE = new float[lanes];
        addI = new float[lanes];
        r = new float[capacity * nOut];
        rSum = new float[capacity * nOut];
        lamV = new float[lanes];
        lamIa = new float[lanes];
        lamGe = new float[lanes];
        lamGi = new float[lanes];
        dz = new float[lanes];
        deltaE = new float[lanes];
        deltaI = new float[lanes];
        dzE = new float[capacity * nE];
        dzI = new float[capacity * nI];
        lamR = new float[capacity * nOut];
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
            ensureHistory((long) steps * lanes);
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
        lossSum = 0;
        correct = 0;
        spikesE = 0;
        spikesI = 0;
        int entries = 0;
        zStart[0] = 0;
        if (net.spike().smooth()) {
            for (int lane = 0; lane < lanes; lane++) {
                entries = append(entries, lane, net.spike().value(-1f));
            }
        }
        zStart[1] = entries;
        SpikeFunction spike = net.spike();
        boolean smooth = spike.smooth();
        float vRest = (float) net.vRest();
        float beta = (float) net.beta();
        float eExc = (float) net.eExc();
        float eInh = (float) net.eInh();
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
            int base = keep ? t * lanes : 0;
            for (int j = 0; j < count; j++) {
                for (int k = 0; k < n; k++) {
                    int lane = j * n + k;
                    float vOld = v[lane];
                    float zp = smooth ? spike.value((vOld - vth) / vth) : (vOld >= vth ? 1f : 0f);
                    float g1 = dsyn * (ge[lane] + addE[lane]);
                    float g2 = dsyn * (gi[lane] + addI[lane]);
                    addE[lane] = 0f;
                    addI[lane] = 0f;
                    float vr = vOld - vth * zp;
                    float a = decayAdapt[k] * (ia[lane] - beta * zp);
                    float g = 1f + g1 + g2;
                    float f = oneMinusExp(dtOverTau * g);
                    float vNew = vr + f * ((vRest + a + eExc * g1 + eInh * g2) / g - vr);
                    if (!(Math.abs(vNew) < Float.MAX_VALUE)) {
                        throw new IllegalStateException("the membrane potential of " + (k < nE ? "excitatory" : "inhibitory")
                                + " neuron " + k + " in trial " + (from + j) + " became " + vNew + " at step " + t + " ("
                                + t * net.dtMs() + " ms): the weights have grown too large; lower the learning rate or clip the gradient");
                    }
                    v[lane] = vNew;
                    ia[lane] = a;
                    ge[lane] = g1;
                    gi[lane] = g2;
                    if (smooth) {
                        entries = append(entries, lane, spike.value((vNew - vth) / vth));
                    } else if (vNew >= vth) {
                        entries = append(entries, lane, 1f);
                        if (k < nE) {
                            spikesE++;
                        } else {
                            spikesI++;
                        }
                    }
                }
            }
            if (keep) {
                System.arraycopy(v, 0, vHist, base, lanes);
                System.arraycopy(ia, 0, iaHist, base, lanes);
                System.arraycopy(ge, 0, geHist, base, lanes);
                System.arraycopy(gi, 0, giHist, base, lanes);
            }
            zStart[t + 2] = entries;
            readout(t, count);
            if (mask[t]) {
                for (int j = 0; j < count; j++) {
                    lossSum += crossEntropy(r, j * nOut, labels[from + j]);
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
        }
    }

    private void readout(int t, int count) {
        for (int i = 0; i < count * nOut; i++) {
            r[i] *= dout;
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

    private void ensureHistory(long size) {
        if (size > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a slice of " + trials + " trials × " + steps + " steps × " + n
                    + " neurons is too long for one array; use more threads or smaller batches");
        }
        if (vHist.length < size) {
            vHist = new float[(int) size];
            iaHist = new float[(int) size];
            geHist = new float[(int) size];
            giHist = new float[(int) size];
        }
    }

    /** Softmax cross-entropy of the logits at {@code off} against {@code label}. */
    private double crossEntropy(float[] logits, int off, int label) {
        double max = Double.NEGATIVE_INFINITY;
        for (int o = 0; o < nOut; o++) {
            max = Math.max(max, logits[off + o]);
        }
        double sum = 0;
        for (int o = 0; o < nOut; o++) {
            sum += Math.exp(logits[off + o] - max);
        }
        return max + Math.log(sum) - logits[off + label];
    }

    /** 1 − e^(−y) for y > 0: a degree-7 Taylor polynomial below 1/8 (relative error < 1e-10), exp above. */
    static float oneMinusExp(float y) {
        if (y < 0.125f) {
            return y * (1f - y * (0.5f - y * (1f / 6 - y * (1f / 24 - y * (1f / 120 - y * (1f / 720 - y * (1f / 5040)))))));
        }
        return (float) -Math.expm1(-y);
    }

    /**
     * The reverse pass of the last {@link #forward} (kept): adds dL/dw of the loss
     * {@code scale}·Σ cross-entropies into {@link #gradient()} (raw weights: through |w| and the masks).
     */
    void backward(TrialBatch batch, float scale) {
        int count = trials;
        int lanes = count * n;
        SpikeFunction spike = net.spike();
        boolean smooth = spike.smooth();
        float vRest = (float) net.vRest();
        float beta = (float) net.beta();
        float eExc = (float) net.eExc();
        float eInh = (float) net.eInh();
        float invVth = 1f / vth;
        boolean[] mask = batch.mask();
        int[] labels = batch.labels();
        Arrays.fill(lamV, 0, lanes, 0f);
        Arrays.fill(lamIa, 0, lanes, 0f);
        Arrays.fill(lamGe, 0, lanes, 0f);
        Arrays.fill(lamGi, 0, lanes, 0f);
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
            for (int e = zStart[t + 1]; e < zStart[t + 2]; e++) {
                int lane = zLane[e];
                int j = lane / n;
                int p = lane - j * n;
                float z = zValue[e];
                for (int o = 0; o < nOut; o++) {
                    gOut[p * nOut + o] += z * lamR[j * nOut + o];
                }
            }
            int base = t * lanes;
            int prev = base - lanes;
            for (int j = 0; j < count; j++) {
                for (int k = 0; k < n; k++) {
                    int lane = j * n + k;
                    float vNew = vHist[base + lane];
                    float dzl = dz[lane];
                    for (int o = 0; o < nOut; o++) {
                        dzl += wOut[k * nOut + o] * lamR[j * nOut + o];
                    }
                    float lv = lamV[lane] + spike.slope((vNew - vth) * invVth) * invVth * dzl;
                    float vOld = t > 0 ? vHist[prev + lane] : 0f;
                    float zp = smooth ? spike.value((vOld - vth) * invVth) : (vOld >= vth ? 1f : 0f);
                    float vr = vOld - vth * zp;
                    float a = iaHist[base + lane];
                    float g1 = geHist[base + lane];
                    float g2 = giHist[base + lane];
                    float g = 1f + g1 + g2;
                    float f = oneMinusExp(dtOverTau * g);
                    float decay = 1f - f;
                    float drive = (vRest + a + eExc * g1 + eInh * g2) / g;
                    float lvr = lv * decay;
                    float liaTotal = lamIa[lane] + lv * f / g;
                    float common = dtOverTau * decay * (drive - vr);
                    float lgeTotal = lamGe[lane] + lv * (f * (eExc - drive) / g + common);
                    float lgiTotal = lamGi[lane] + lv * (f * (eInh - drive) / g + common);
                    lamIa[lane] = decayAdapt[k] * liaTotal;
                    lamV[lane] = lvr;
                    dz[lane] = -beta * decayAdapt[k] * liaTotal - vth * lvr;
                    float de = dsyn * lgeTotal;
                    float di = dsyn * lgiTotal;
                    deltaE[lane] = de;
                    deltaI[lane] = di;
                    lamGe[lane] = de;
                    lamGi[lane] = di;
                }
            }
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
                lamR[i] *= dout;
            }
        }
        throughMagnitude(gIn, weights.input(), net.inputMask(), gradient.input());
        throughMagnitude(gE, weights.excitatory(), net.excitatoryMask(), gradient.excitatory());
        throughMagnitude(gI, weights.inhibitory(), net.inhibitoryMask(), gradient.inhibitory());
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
            double max = Double.NEGATIVE_INFINITY;
            for (int o = 0; o < nOut; o++) {
                max = Math.max(max, rHist[off + j * nOut + o]);
            }
            double sum = 0;
            for (int o = 0; o < nOut; o++) {
                sum += Math.exp(rHist[off + j * nOut + o] - max);
            }
            int label = labels[from + j];
            for (int o = 0; o < nOut; o++) {
                double p = Math.exp(rHist[off + j * nOut + o] - max) / sum;
                lamR[j * nOut + o] += (float) (scale * (p - (o == label ? 1 : 0)));
            }
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
        return vHist[t * trials * n + j * n + k];
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
