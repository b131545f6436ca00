package org.brainfx.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.brainfx.engine.task.TrialBatch;

/**
 * The gradient of an {@link EiRsnn}'s task loss by an online rule ({@link OnlineRule#D_RTRL} or
 * {@link OnlineRule#ES_D_RTRL}, after braintrace {@code _algorithm/param_dim_vjp.py} and
 * {@code io_dim_vjp.py}; Wang et al., Nat. Commun. 2026; REFERENCE.md §5): the network runs forward
 * step by step exactly as {@link RsnnBptt}'s pass (same spikes, same loss), keeping no trajectory;
 * eligibility traces advance every step and the gradient is summed at the loss steps. Same meaning
 * and scale as {@link RsnnBptt#gradient}: the mean cross-entropy's gradient with respect to the raw
 * weights, through |w| and the connectivity masks. Trials are split among threads as BPTT splits them.
 * Not thread-safe; close it to stop the workers.
 *
 * <p><b>The step's Jacobians.</b> A neuron's states are h = (V, I_a, g_E, g_I) (S = 4). A trained
 * weight w_ik feeds y = x_i·|w_ik| into neuron k's excitatory (input, E rows) or inhibitory (I rows)
 * conductance, x the input spike of the step or the presynaptic spike of the state at its start.
 * D = ∂h^t/∂h^{t−1} is restricted to the neuron's own states and includes its own spike's surrogate
 * paths through the soft reset (V_r = V − V_th·z) and the adaptation jump (I_a − β·z); the paths
 * through other neurons' spikes (and the neuron's own recurrent synapse) are cut, x is data.
 * D_f = ∂h^t/∂y. Because g^t = d_syn·(g^{t−1} + y) does not depend on the postsynaptic neuron, its
 * trace ∂g/∂w_ik is the synapse-filtered input x̄_i ← d_syn·(x̄_i + x_i), one value per trial and
 * presynaptic unit; D-RTRL keeps per weight only the ∂V and ∂I_a traces, and the g_I (g_E) part of an
 * excitatory (inhibitory) weight's trace, identically zero, is not stored.
 *
 * <p><b>The readout.</b> r ← d_out·r + z·W_out is its own one-state group; its trace for W_out is
 * u ← d_out·u + z per trial and neuron (exact: W_out's gradient is BPTT's). Since r = u·W_out and
 * the readout never feeds back, the path from a neuron's earlier states through the readout's leak
 * to a later loss is kept exactly by making u a fifth state of the neuron's trace (∂u/∂w ←
 * d_out·∂u/∂w + s'·∂V/∂w, s' the surrogate slope of the new spike). Without it, on a network with
 * no recurrence at all, the gradient of W_in would miss every loss that a spike reaches through the
 * readout's 10 ms leak; with it D-RTRL equals BPTT there (the test shows it).
 *
 * <p><b>Learning signal: single-step.</b> At a loss step t, δ = ∂L^t/∂u^t = (∂L^t/∂r^t)·W_outᵀ is
 * contracted with the traces just advanced (∂u^t/∂w): dW_ik += Σ_b δ_bk·ε_bik. On a network without
 * recurrence D is the full Jacobian, so this is the exact gradient and counts each within-step path
 * once (no double count of w → g → V → L): D-RTRL matches BPTT to float rounding there, with the
 * smooth spike and with the ReLU surrogate. The multi-step signal (∂L^t/∂h^{t−1} through the whole
 * step, contracted with the old traces, plus the step's own ∂L^t/∂w) is the same sum regrouped on
 * such a network; with recurrence it adds only the one step of cross-neuron coupling that the
 * diagonal approximation drops at every other step, at the cost of a dense δ·|W|ᵀ per loss step, so
 * it is not used. ES-D-RTRL uses the same single-step signal: with it, α = 0 gives exactly the
 * one-step gradient Σ_t x^t·D_f^t·δ^t, and its readout gradient stays exact.
 * (braintrace's grouping, the readout a separate group and only ∂L^t/∂V^t through the new spike,
 * drops the readout's leak: measured here, W_in's gradient without recurrence then has a cosine of
 * 0.994 with BPTT's on the reference task and entries of the wrong sign on the small test network;
 * with recurrence, cosines 0.952 / 0.925 / 0.917 for input / E / I against 0.957 / 0.947 / 0.947
 * with u kept.)
 *
 * <p><b>The paper's online recipe.</b> The paper's evidence-accumulation runs
 * (chaobrain/braintrace-snn-experiments {@code ei_coba_task}: {@code model.py}, {@code training.py}, {@code args.py},
 * {@code run.sh}) differ from the reference network: the readout reads the membrane potentials standardized
 * over the neurons ({@link EiRsnn.Readout#POTENTIAL}), the resets pass no gradient ({@code --diff_spike 0},
 * {@link EiRsnn#detachReset()}), τ 400 ms, τ_syn 5 ms, τ_a ~ U[100, 3000] ms, E_exc 5, E_inh −10, α 0.98, the
 * per-step gradients summed with the norm clipped at 1 before one Adam step per batch ({@link TrainJob} with
 * {@code clipNorm} 1). This class follows the readout and the reset flag. With spikes read, δ reaches a
 * neuron's traces only through the surrogate slope of a spike during the 150 recall steps; with the potentials
 * read, every neuron's ∂V/∂w meets δ at every loss step (u's trace advances by dx/dV = 1/(V_th·σ) instead of
 * s'), δ centered over the trial's neurons as the standardization's gradient is (σ held constant, so u stays
 * per neuron and the readout path stays exact). Detached resets are measured harmful here: the reset is what
 * a spike does to V, and without it BPTT's gradient explodes through the recurrence (|g| ~1e9 at the
 * reference network's initial weights) and D-RTRL's is orthogonal to the true one (cosine 0.02) and drives the
 * loss up; with the resets kept and the potentials read, D-RTRL's cosine with BPTT is 0.98–0.995. With
 * detached resets the ∂I_a/∂w traces stay 0 and D-RTRL keeps and advances only ∂V/∂w (2.2x less work).
 *
 * <p><b>ES-D-RTRL</b> replaces the per-weight trace by ε_x,bi·ε_f,bk/c_t with ε_x ← α·ε_x + x and
 * ε_f ← α·D·ε_f + (1 − α)·D_f (per trial, neuron and state, the states V, I_a, the conductance and
 * u), c_t = 1 − α^{t+1}; the readout keeps its exact trace.
 *
 * <p>Memory ({@link #traceFloats}) does not depend on the number of steps: D-RTRL holds
 * 3·(inputs + N)·N + (inputs + N) trace floats per trial (720 KB for the reference network; 2·(inputs + N)·N
 * with detached resets), so it
 * runs one trial at a time per thread, its traces in a core's cache; ES-D-RTRL holds
 * (inputs + N) + 8·N and runs blocks of 32 trials. D-RTRL advances ∂u/∂w only from ~21·τ_out before
 * each loss step (older terms reach the loss below 2^−30 of themselves), a third of its work at the
 * other steps.
 */
public final class OnlineGradient implements BatchGradient {
    /** Trials per worker block at most: their traces and states stay in cache. */
    private static final int BLOCK = 32;
    /** The D-RTRL traces of a block are kept within ~1 MB, half a core's L2 here, so a step's trace pass stays in cache. */
    private static final long CACHED_TRACE_FLOATS = 1L << 18;

    private final EiRsnn net;
    private final OnlineRule rule;
    private final double alpha;
    private final List<OnlineSlice> slices = new ArrayList<>();
    private final int sliceTrials;
    private final ExecutorService pool;

    /**
     * A rule for batches of up to {@code trials} trials on {@code threads} threads (larger batches are
     * run in parts); {@code alpha} is ES-D-RTRL's smoothing in [0, 1) (ignored by D-RTRL).
     */
    public OnlineGradient(EiRsnn net, OnlineRule rule, double alpha, int trials, int threads) {
        if (trials < 1 || threads < 1) {
            throw new IllegalArgumentException("an online rule needs trials >= 1 and threads >= 1, got " + trials + " and "
                    + threads);
        }
        if (rule == OnlineRule.ES_D_RTRL && !(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("the ES-D-RTRL smoothing alpha must lie in [0, 1), got " + alpha
                    + " (the paper's evidence-accumulation runs use " + OnlineRule.PAPER_ALPHA + ")");
        }
        this.net = net;
        this.rule = rule;
        this.alpha = alpha;
        int workers = Math.min(threads, trials);
        this.sliceTrials = Math.min(block(net, rule), (trials + workers - 1) / workers);
        for (int s = 0; s < workers; s++) {
            slices.add(new OnlineSlice(net, rule, alpha, sliceTrials));
        }
        this.pool = Workers.pool("brainfx-online-worker", workers);
    }

    private static int block(EiRsnn net, OnlineRule rule) {
        if (rule == OnlineRule.ES_D_RTRL) {
            return BLOCK;
        }
        long perTrial = OnlineSlice.dRtrlTracesPerTrial(net);
        return (int) Math.max(1, Math.min(BLOCK, CACHED_TRACE_FLOATS / perTrial));
    }

    /** The network. */
    public EiRsnn network() {
        return net;
    }

    /** The rule. */
    public OnlineRule rule() {
        return rule;
    }

    /** ES-D-RTRL's smoothing α. */
    public double alpha() {
        return alpha;
    }

    /** The worker threads. */
    public int threads() {
        return slices.size();
    }

    /**
     * The floats that the states and traces of {@code trials} trials advanced together hold, plus a
     * worker's fixed arrays (weight magnitudes, gradient accumulators); independent of trial length.
     * A pass holds at most {@code threads × block} trials at a time (see {@link #heldFloats()}).
     */
    public long traceFloats(int trials) {
        return OnlineSlice.floatsPerTrial(net, rule) * trials + OnlineSlice.fixedFloats(net, rule);
    }

    /** The traces and states of the trials the workers advance together; trial length does not enter. */
    @Override
    public long stateFloats(int steps) {
        return traceFloats(sliceTrials * slices.size());
    }

    /** The floats this instance's workers actually hold, summed over their arrays. */
    long heldFloats() {
        long s = 0;
        for (OnlineSlice slice : slices) {
            s += slice.heldFloats();
        }
        return s;
    }

    /** Trials each worker advances together. */
    int blockTrials() {
        return sliceTrials;
    }

    /**
     * The loss of {@code batch} under {@code weights} and the rule's gradient, written into
     * {@code gradientOut} (overwritten; the mean loss's gradient with respect to the raw weights).
     */
    @Override
    public BatchOutcome gradient(TrialBatch batch, RsnnWeights weights, RsnnWeights gradientOut) {
        gradientOut.clear();
        return pass(batch, weights, gradientOut);
    }

    /** The loss and accuracy of {@code batch} under {@code weights}, forward only (traces not advanced). */
    public BatchOutcome evaluate(TrialBatch batch, RsnnWeights weights) {
        return pass(batch, weights, null);
    }

    private BatchOutcome pass(TrialBatch batch, RsnnWeights weights, RsnnWeights gradientOut) {
        if (batch.channels() != net.inputs()) {
            throw new IllegalArgumentException("task '" + batch.task() + "' has " + batch.channels()
                    + " input channels but the network has " + net.inputs() + " inputs");
        }
        if (batch.classNames().size() != net.outputs()) {
            throw new IllegalArgumentException("task '" + batch.task() + "' has " + batch.classNames().size()
                    + " classes but the network has " + net.outputs() + " readout units");
        }
        int masked = batch.maskedSteps();
        if (masked == 0) {
            throw new IllegalArgumentException("task '" + batch.task() + "' marks no step for the loss");
        }
        float scale = (float) (1.0 / ((double) masked * batch.trials()));
        boolean learn = gradientOut != null;
        for (OnlineSlice s : slices) {
            s.use(weights);
            s.clearStatistics();
            s.clearGradient();
        }
        int chunk = sliceTrials * slices.size();
        boolean[] used = new boolean[slices.size()];
        for (int first = 0; first < batch.trials(); first += chunk) {
            List<Future<?>> running = new ArrayList<>();
            Runnable inline = null;
            for (int s = 0; s < slices.size(); s++) {
                int from = first + s * sliceTrials;
                int count = Math.max(0, Math.min(sliceTrials, batch.trials() - from));
                if (count == 0) {
                    continue;
                }
                used[s] = true;
                OnlineSlice slice = slices.get(s);
                Runnable work = () -> slice.run(batch, from, count, learn, scale);
                if (s == 0) {
                    inline = work;
                } else {
                    running.add(pool.submit(work));
                }
            }
            inline.run();
            for (Future<?> f : running) {
                Workers.await(f, "online-rule");
            }
        }
        double loss = 0;
        long correct = 0;
        long spikesE = 0;
        long spikesI = 0;
        for (int s = 0; s < slices.size(); s++) {
            if (!used[s]) {
                continue;
            }
            OnlineSlice slice = slices.get(s);
            loss += slice.lossSum();
            correct += slice.correct();
            spikesE += slice.spikesE();
            spikesI += slice.spikesI();
            if (learn) {
                gradientOut.add(slice.gradient());
            }
        }
        return BatchOutcome.of(net, batch, loss * scale, correct, spikesE, spikesI);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
