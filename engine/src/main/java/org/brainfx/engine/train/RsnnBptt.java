package org.brainfx.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.brainfx.engine.task.TrialBatch;

/**
 * Backpropagation through time for an {@link EiRsnn} on batches of task trials: the trials are
 * split among worker threads (each a {@link RsnnSlice} with its own trajectory and dense products),
 * and the slices' gradients summed, so results do not depend on the thread count beyond float
 * summation order. Not thread-safe; close it to stop the workers.
 */
public final class RsnnBptt implements BatchGradient {
    /** Loads the native linear algebra BPTT uses (once; about a second the first time); call off the UI thread. */
    public static void loadNatives() {
        TransposedProduct.loadNatives();
    }

    /**
     * The share of the heap the workers' trajectories may take together. A worker takes as many of its
     * trials at a time as fit: the reverse pass's sgemm has one row per trial and costs ~9 µs of ND4J
     * overhead a call, so 128 rows a step beat 4 × 32 (0.80–0.85 s against 1.28–1.34 s a batch of 128 ×
     * 2 200 steps on one thread, measured here), although 32 trials' lane states would sit in cache.
     */
    static final double HISTORY_SHARE = 0.45;

    private final EiRsnn net;
    private final List<RsnnSlice> slices = new ArrayList<>();
    private final int sliceTrials;
    private final ExecutorService pool;

    /**
     * A pass for batches of up to {@code trials} trials on {@code threads} threads (larger batches
     * are evaluated in parts; their gradient too).
     */
    public RsnnBptt(EiRsnn net, int trials, int threads) {
        if (trials < 1 || threads < 1) {
            throw new IllegalArgumentException("BPTT needs trials >= 1 and threads >= 1, got " + trials + " and " + threads);
        }
        this.net = net;
        int workers = Math.min(threads, trials);
        this.sliceTrials = (trials + workers - 1) / workers;
        for (int s = 0; s < workers; s++) {
            slices.add(new RsnnSlice(net, sliceTrials));
        }
        this.pool = Workers.pool("brainfx-bptt-worker", workers);
    }

    /**
     * Adds λ·mean over neurons of (rate − target Hz)² to the loss (0 turns it off); rates are taken per
     * block of trials a worker takes at a time (all of its share of the batch unless the trajectory would not fit).
     */
    public void useRateRegularizer(double lambda, double targetHz) {
        if (!(lambda >= 0) || !(targetHz >= 0)) {
            throw new IllegalArgumentException("the rate regularizer needs lambda >= 0 and a target >= 0 Hz, got " + lambda
                    + " and " + targetHz);
        }
        for (RsnnSlice s : slices) {
            s.useRateRegularizer(lambda, targetHz);
        }
    }

    /** The trajectory (four states per lane and step) and the per-lane work arrays of every worker. */
    @Override
    public long stateFloats(int steps) {
        long history = (long) block(steps) * net.neurons();
        long lanes = (long) sliceTrials * net.neurons();
        return slices.size() * (4L * steps * history + RsnnSlice.LANE_ARRAYS * lanes);
    }

    /** The network. */
    public EiRsnn network() {
        return net;
    }

    /** The worker threads. */
    public int threads() {
        return slices.size();
    }

    /**
     * The loss of {@code batch} under {@code weights} and its gradient, written into {@code gradient}
     * (overwritten; the mean loss's gradient with respect to the raw weights).
     */
    @Override
    public BatchOutcome gradient(TrialBatch batch, RsnnWeights weights, RsnnWeights gradient) {
        gradient.clear();
        return pass(batch, weights, gradient);
    }

    /** The loss and accuracy of {@code batch} under {@code weights}, forward only (no trajectory kept). */
    public BatchOutcome evaluate(TrialBatch batch, RsnnWeights weights) {
        return pass(batch, weights, null);
    }

    /** The class the readout chooses (arg-max of its sum over the loss steps) in every trial of {@code batch}. */
    public int[] choices(TrialBatch batch, RsnnWeights weights) {
        int[] out = new int[batch.trials()];
        pass(batch, weights, null, out);
        return out;
    }

    /** Trials a worker runs at a time in a reverse pass over {@code steps} steps: its share, or what fits. */
    int block(int steps) {
        double bytesPerTrial = 16.0 * steps * net.neurons();
        long fit = (long) (HISTORY_SHARE * Runtime.getRuntime().maxMemory() / (bytesPerTrial * slices.size()));
        return (int) Math.max(1, Math.min(sliceTrials, fit));
    }

    private BatchOutcome pass(TrialBatch batch, RsnnWeights weights, RsnnWeights gradient) {
        return pass(batch, weights, gradient, null);
    }

    private BatchOutcome pass(TrialBatch batch, RsnnWeights weights, RsnnWeights gradient, int[] choices) {
        int masked = batch.maskedSteps();
        if (masked == 0) {
            throw new IllegalArgumentException("task '" + batch.task() + "' marks no step for the loss");
        }
        float scale = (float) (1.0 / ((double) masked * batch.trials()));
        for (RsnnSlice s : slices) {
            s.use(weights);
        }
        double loss = 0;
        long correct = 0;
        long spikesE = 0;
        long spikesI = 0;
        int block = gradient != null ? block(batch.steps()) : sliceTrials;
        int chunk = block * slices.size();
        for (int first = 0; first < batch.trials(); first += chunk) {
            List<Future<?>> running = new ArrayList<>();
            int[] counts = new int[slices.size()];
            Runnable inline = null;
            for (int s = 0; s < slices.size(); s++) {
                int from = first + s * block;
                int count = Math.max(0, Math.min(block, batch.trials() - from));
                counts[s] = count;
                if (count == 0) {
                    continue;
                }
                RsnnSlice slice = slices.get(s);
                Runnable work = () -> {
                    slice.forward(batch, from, count, gradient != null);
                    if (gradient != null) {
                        slice.clearGradient();
                        slice.backward(batch, scale);
                    }
                };
                if (s == 0) {
                    inline = work;
                } else {
                    running.add(pool.submit(work));
                }
            }
            inline.run();
            for (Future<?> f : running) {
                Workers.await(f, "BPTT");
            }
            for (int s = 0; s < slices.size(); s++) {
                if (counts[s] == 0) {
                    continue;
                }
                RsnnSlice slice = slices.get(s);
                if (choices != null) {
                    for (int j = 0; j < counts[s]; j++) {
                        choices[first + s * block + j] = slice.chosen(j);
                    }
                }
                loss += slice.lossSum() * scale + slice.regularizerLoss();
                correct += slice.correct();
                spikesE += slice.spikesE();
                spikesI += slice.spikesI();
                if (gradient != null) {
                    gradient.add(slice.gradient());
                }
            }
        }
        return BatchOutcome.of(net, batch, loss, correct, spikesE, spikesI);
    }

    /**
     * Runs trial {@code trial} of {@code batch} alone and records it: its inputs, spikes, readout and the
     * potentials of {@code neurons}.
     */
    public TrialRecording record(TrialBatch batch, int trial, RsnnWeights weights, int[] neurons) {
        RsnnSlice one = new RsnnSlice(net, 1);
        one.use(weights);
        one.forward(batch, trial, 1, true);
        java.util.List<int[]> inputs = new java.util.ArrayList<>();
        for (int t = 0; t < batch.steps(); t++) {
            int cell = batch.cell(t, trial);
            for (int s = batch.spikeStart()[cell]; s < batch.spikeStart()[cell + 1]; s++) {
                inputs.add(new int[] {t, batch.spikeChannel()[s]});
            }
        }
        java.util.List<int[]> spikes = new java.util.ArrayList<>();
        one.spikes(0, (t, k) -> spikes.add(new int[] {t, k}));
        float[][] v = new float[neurons.length][batch.steps()];
        float[][] r = new float[net.outputs()][batch.steps()];
        float[] sum = new float[net.outputs()];
        for (int t = 0; t < batch.steps(); t++) {
            for (int i = 0; i < neurons.length; i++) {
                v[i][t] = one.voltage(t, 0, neurons[i]);
            }
            for (int o = 0; o < net.outputs(); o++) {
                r[o][t] = one.readoutValue(t, 0, o);
                if (batch.mask()[t]) {
                    sum[o] += r[o][t];
                }
            }
        }
        int chosen = 0;
        for (int o = 1; o < sum.length; o++) {
            chosen = sum[o] > sum[chosen] ? o : chosen;
        }
        return new TrialRecording(batch.steps(), batch.dtMs(), inputs.stream().mapToInt(x -> x[0]).toArray(),
                inputs.stream().mapToInt(x -> x[1]).toArray(), spikes.stream().mapToInt(x -> x[0]).toArray(),
                spikes.stream().mapToInt(x -> x[1]).toArray(), net.excitatory(), neurons.clone(), v, r, batch.classNames(),
                batch.labels()[trial], chosen, batch.periods());
    }

    /** The first slice, which holds the first trials of the last pass (for pictures of a trial). */
    RsnnSlice firstSlice() {
        return slices.get(0);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
