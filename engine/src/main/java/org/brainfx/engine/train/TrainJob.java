package org.brainfx.engine.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.brainfx.engine.job.CoalescingPublisher;
import org.brainfx.engine.net.Wiring;
import org.brainfx.engine.task.BatchSource;
import org.brainfx.engine.task.TrialBatch;

/**
 * Trains an {@link EiRsnn} on a task: batches generated ahead on another thread, the gradient by
 * BPTT or an online rule, optional global-norm clipping, Adam, a held-out evaluation every few
 * batches (the best weights kept) and a final test on fresh trials, checkpoints every N batches, and the stopping rules of the
 * settings (batches, wall-clock budget, held-out target, the reference's one-batch-above rule).
 * Deterministic by seed: batch k's trials depend only on (seed, k), so a resumed run continues as the
 * uninterrupted one would. Progress goes to a listener as immutable snapshots, at most 30 a second;
 * pause, resume and cancel (which keeps the best weights) from any thread.
 */
public final class TrainJob {
    private static final int HISTOGRAM_BINS = 40;

    private final TrainingSetup setup;
    private final Path checkpointDir;
    private final boolean resume;
    private volatile boolean cancelled;
    private boolean paused;
    private volatile TrainProgress latest;

    /**
     * A job for {@code setup}; checkpoints go to {@code checkpointDir} (null for none), and with
     * {@code resume} a checkpoint found there is continued.
     */
    public TrainJob(TrainingSetup setup, Path checkpointDir, boolean resume) {
        this.setup = setup;
        this.checkpointDir = checkpointDir;
        this.resume = resume;
    }

    /** Runs on a new background thread. */
    public CompletableFuture<TrainResult> start(Consumer<TrainProgress> listener) {
        CompletableFuture<TrainResult> future = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                future.complete(run(listener));
            } catch (Throwable e) {
                future.completeExceptionally(e);
            }
        }, "brainfx-train");
        t.setDaemon(true);
        t.start();
        return future;
    }

    /** Pauses after the current batch. */
    public synchronized void pause() {
        paused = true;
    }

    /** Resumes a paused run exactly where it stopped. */
    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** Stops after the current batch, keeping the best weights. */
    public void cancel() {
        cancelled = true;
        resume();
    }

    /** The last snapshot, or null before the first batch. */
    public TrainProgress latest() {
        return latest;
    }

    /** The gradient method the settings name. */
    static BatchGradient method(TrainingSetup setup) {
        TrainingSettings s = setup.settings();
        return switch (s.algorithm()) {
            case "bptt" -> {
                RsnnBptt bptt = new RsnnBptt(setup.network(), s.batchSize(), s.threads());
                bptt.useRateRegularizer(s.rateRegularizer(), s.rateTargetHz());
                yield bptt;
            }
            default -> {
                if (s.rateRegularizer() > 0) {
                    throw new IllegalArgumentException("training.rateRegularizer works with bptt only; set it to 0 for "
                            + s.algorithm());
                }
                yield new OnlineGradient(setup.network(), OnlineRule.parse(s.algorithm()), s.esAlpha(), s.batchSize(),
                        s.threads());
            }
        };
    }

    /** Trains on the calling thread until a stopping rule holds or the job is cancelled. */
    public TrainResult run(Consumer<TrainProgress> listener) {
        TrainingSettings s = setup.settings();
        EiRsnn net = setup.network();
        long seed = s.seed();
        Checkpoint start = resume && checkpointDir != null && Files.exists(Checkpoint.file(checkpointDir))
                ? readCheckpoint() : null;
        RsnnWeights initial = start != null ? start.initial() : setup.initial().copy();
        RsnnWeights weights = start != null ? start.weights() : setup.initial().copy();
        Adam adam = start != null ? start.adam() : new Adam(net, s.learningRate());
        RsnnWeights best = start != null ? start.best() : weights.copy();
        double bestHeldOut = start != null ? start.bestHeldOut() : Double.NaN;
        double bestLoss = start != null ? start.bestLoss() : Double.NaN;
        List<TrainRecord> history = new ArrayList<>(start != null ? start.history() : List.of());
        long first = start != null ? start.batches() : 0;
        RsnnWeights gradient = RsnnWeights.zeros(net);
        List<Double> seconds = new ArrayList<>();
        long t0 = System.nanoTime();
        double previousWall = history.isEmpty() ? 0 : history.get(history.size() - 1).wallSeconds();
        String stop = "batches used (" + s.batches() + ")";
        TrialBatch heldOut = setup.task().batch(Wiring.seedFor(seed, "held-out"), 0, s.evaluationTrials());
        long batch = first;
        double stateMB = Double.NaN;
        BatchOutcome test = null;
        try (CoalescingPublisher<TrainProgress> publisher = new CoalescingPublisher<>("brainfx-train-progress",
                listener == null ? p -> { } : listener, 30);
             BatchGradient method = method(setup);
             RsnnBptt evaluator = new RsnnBptt(net, Math.min(s.evaluationTrials(), s.batchSize()), s.threads());
             BatchSource source = BatchSource.of(setup.trainingTask(), Wiring.seedFor(seed, "train"), first, s.batchSize())) {
            stateMB = method.stateFloats(heldOut.steps()) * 4.0 / (1024 * 1024);
            publish(publisher, batch, s, wall(t0, previousWall), history, bestHeldOut, best, weights, net, "starting");
            while (batch < s.batches()) {
                if (awaitIfPaused(publisher, batch, s, t0, previousWall, history, bestHeldOut, best, weights, net)) {
                    stop = "cancelled";
                    break;
                }
                if (s.budgetSeconds() > 0 && (System.nanoTime() - t0) / 1e9 >= s.budgetSeconds()) {
                    stop = "time budget used (" + s.budgetSeconds() + " s)";
                    break;
                }
                TrialBatch trials = source.next();
                long b0 = System.nanoTime();
                BatchOutcome out = method.gradient(trials, weights, gradient);
                if (!Double.isFinite(out.loss())) {
                    stop = "the loss became " + out.loss() + " at batch " + batch + "; lower the learning rate or clip the gradient";
                    break;
                }
                clip(gradient, s.clipNorm());
                adam.update(weights, gradient);
                seconds.add((System.nanoTime() - b0) / 1e9);
                batch++;
                double heldAcc = Double.NaN;
                double heldLoss = Double.NaN;
                boolean batchAbove = s.stopOnBatchAccuracy() > 0 && out.accuracy() > s.stopOnBatchAccuracy();
                if (batch % s.evaluateEvery() == 0 || batch == s.batches() || batchAbove) {
                    publish(publisher, batch, s, wall(t0, previousWall), history, bestHeldOut, best, weights, net, "evaluating");
                    BatchOutcome held = evaluator.evaluate(heldOut, weights);
                    heldAcc = held.accuracy();
                    heldLoss = held.loss();
                    if (Double.isNaN(bestHeldOut) || heldAcc > bestHeldOut || heldAcc == bestHeldOut && heldLoss < bestLoss) {
                        bestHeldOut = heldAcc;
                        bestLoss = heldLoss;
                        best = weights.copy();
                    }
                }
                history.add(new TrainRecord(batch - 1, wall(t0, previousWall), out.loss(), out.accuracy(), heldAcc, heldLoss,
                        out.rateE(), out.rateI()));
                if (checkpointDir != null && s.checkpointEvery() > 0 && batch % s.checkpointEvery() == 0) {
                    writeCheckpoint(new Checkpoint(batch, weights, adam, best, bestHeldOut, bestLoss, initial, history));
                }
                publish(publisher, batch, s, wall(t0, previousWall), history, bestHeldOut, best, weights, net, "running");
                if (s.targetAccuracy() > 0 && heldAcc >= s.targetAccuracy()) {
                    stop = String.format(java.util.Locale.ROOT, "held-out accuracy %.4f reached the target %s", heldAcc,
                            s.targetAccuracy());
                    break;
                }
                if (batchAbove) {
                    stop = String.format(java.util.Locale.ROOT, "a training batch's accuracy %.4f exceeded %s (the reference's"
                            + " stopping rule)", out.accuracy(), s.stopOnBatchAccuracy());
                    break;
                }
                if (cancelled) {
                    stop = "cancelled";
                    break;
                }
            }
            if (Double.isNaN(bestHeldOut) || !history.isEmpty() && Double.isNaN(history.get(history.size() - 1).heldOutAccuracy())) {
                BatchOutcome held = evaluator.evaluate(heldOut, weights);
                if (Double.isNaN(bestHeldOut) || held.accuracy() > bestHeldOut
                        || held.accuracy() == bestHeldOut && held.loss() < bestLoss) {
                    bestHeldOut = held.accuracy();
                    bestLoss = held.loss();
                    best = weights.copy();
                }
            }
            if (checkpointDir != null && s.checkpointEvery() > 0) {
                writeCheckpoint(new Checkpoint(batch, weights, adam, best, bestHeldOut, bestLoss, initial, history));
            }
            publish(publisher, batch, s, wall(t0, previousWall), history, bestHeldOut, best, weights, net, "testing");
            test = evaluator.evaluate(setup.task().batch(Wiring.seedFor(seed, "test"), 0, s.evaluationTrials()), best);
            publish(publisher, batch, s, wall(t0, previousWall), history, bestHeldOut, best, weights, net, "finished: " + stop);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = "interrupted";
        }
        return new TrainResult(best, weights, initial, history, bestHeldOut, bestLoss,
                test == null ? Double.NaN : test.accuracy(), test == null ? Double.NaN : test.loss(), batch, (System.nanoTime() - t0) / 1e9,
                median(seconds), peakHeapMB(), stateMB, stop);
    }

    private boolean awaitIfPaused(CoalescingPublisher<TrainProgress> publisher, long batch, TrainingSettings s, long t0,
                                  double previousWall, List<TrainRecord> history, double bestHeldOut, RsnnWeights best,
                                  RsnnWeights weights, EiRsnn net) throws InterruptedException {
        synchronized (this) {
            if (paused && !cancelled) {
                publish(publisher, batch, s, wall(t0, previousWall), history, bestHeldOut, best, weights, net, "paused");
                while (paused && !cancelled) {
                    wait();
                }
            }
        }
        return cancelled;
    }

    private static double wall(long t0, double previous) {
        return previous + (System.nanoTime() - t0) / 1e9;
    }

    private void publish(CoalescingPublisher<TrainProgress> publisher, long batch, TrainingSettings s, double wall,
                         List<TrainRecord> history, double bestHeldOut, RsnnWeights best, RsnnWeights w, EiRsnn net,
                         String status) {
        TrainProgress p = new TrainProgress(batch, s.batches(), wall, s.budgetSeconds(),
                history.isEmpty() ? null : history.get(history.size() - 1), bestHeldOut,
                WeightHistogram.of(w.excitatory(), net.excitatoryMask(), HISTOGRAM_BINS, 0),
                WeightHistogram.of(w.inhibitory(), net.inhibitoryMask(), HISTOGRAM_BINS, 0), history, best, status);
        latest = p;
        publisher.publish(p);
    }

    /** Scales the gradient down to global norm {@code max} when it is larger (no clipping when max is 0). */
    static void clip(RsnnWeights g, double max) {
        if (max <= 0) {
            return;
        }
        double norm = g.norm();
        if (norm > max) {
            float f = (float) (max / norm);
            for (float[] a : g.arrays()) {
                for (int i = 0; i < a.length; i++) {
                    a[i] *= f;
                }
            }
        }
    }

    private Checkpoint readCheckpoint() {
        try {
            return Checkpoint.read(Checkpoint.file(checkpointDir), setup.network());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeCheckpoint(Checkpoint c) {
        try {
            Files.createDirectories(checkpointDir);
            c.write(Checkpoint.file(checkpointDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint in " + checkpointDir + ": " + e.getMessage(), e);
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        int from = v.length > 2 ? 1 : 0;
        double[] rest = Arrays.copyOfRange(v, from, v.length);
        Arrays.sort(rest);
        return rest[rest.length / 2];
    }

    private static double peakHeapMB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak / (1024.0 * 1024.0);
    }
}
