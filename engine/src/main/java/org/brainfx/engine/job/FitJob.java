package org.brainfx.engine.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.brainfx.engine.EngineVersion;
import org.brainfx.engine.optim.Bounds;
import org.brainfx.engine.optim.Optimizer;
import org.brainfx.engine.optim.OptimizerSettings;
import org.brainfx.engine.optim.Optimizers;

/**
 * A fit of a project's free parameters: drives an ask/tell optimizer over the batched
 * {@link FitProblem}, honours budgets, and can be paused, resumed and cancelled at any moment
 * (between evaluation rounds) keeping the best point so far. Progress goes to a listener as
 * coalesced immutable snapshots (≤ 30 a second). The same config and seed give the same result.
 *
 * <p>Besides the budgets, an L-BFGS-B fit stops when its best loss has not improved by more than
 * one part in 10⁹ for {@value #STALL_ROUNDS} rounds, or for half the rounds it has run if that is
 * more ({@link StopReason#STALLED}): usually the start holding the best point has converged and the
 * remaining starts sit in worse basins, so running them to their own convergence would cost time
 * without changing the answer — but a stall after a handful of iterations may also mean a flat loss
 * or a bound in the way, which the result says. The patience grows with the fit because on losses
 * with spike terms a start that crosses a spike-count cliff late can still take the lead by a whole
 * count.
 */
public final class FitJob {
    /**
     * Least rounds without improvement after which an L-BFGS-B fit stops (Adam is exempt: on the
     * plateaus of a spike-timing loss it keeps moving while the loss stands still).
     */
    public static final int STALL_ROUNDS = 10;
    private final FitConfig config;
    private final FitProblem problem;
    private final Object lock = new Object();
    private volatile boolean cancelled;
    private boolean paused;
    private volatile FitProgress latest;
    private final List<FitResult.HistoryPoint> history = new ArrayList<>();

    /** A job for one configured fit. */
    public FitJob(FitConfig config) {
        this.config = config;
        this.problem = new FitProblem(config);
    }

    /** The job's objective (for simulating candidates, e.g. the best one). */
    public FitProblem problem() {
        return problem;
    }

    /** The configuration. */
    public FitConfig config() {
        return config;
    }

    /** Runs the fit on a new worker thread. */
    public CompletableFuture<FitResult> start(Consumer<FitProgress> listener) {
        CompletableFuture<FitResult> f = new CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                f.complete(run(listener));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "brainfx-fit");
        worker.setDaemon(true);
        worker.start();
        return f;
    }

    /** Pauses after the current round of evaluations. */
    public void pause() {
        synchronized (lock) {
            paused = true;
        }
    }

    /** Resumes a paused fit exactly where it stopped. */
    public void resume() {
        synchronized (lock) {
            paused = false;
            lock.notifyAll();
        }
    }

    /** Stops after the current round; the result holds the best point so far. */
    public void cancel() {
        cancelled = true;
        resume();
    }

    /** The most recent progress snapshot, or null before the first round. */
    public FitProgress latest() {
        return latest;
    }

    /** Runs the fit on the calling thread; {@code listener} (may be null) gets coalesced snapshots on another thread. */
    public FitResult run(Consumer<FitProgress> listener) {
        try (CoalescingPublisher<FitProgress> publisher = new CoalescingPublisher<>("brainfx-fit-progress",
                listener == null ? p -> { } : listener, 30)) {
            return fit(publisher);
        }
    }

    private FitResult fit(CoalescingPublisher<FitProgress> publisher) {
        long t0 = System.nanoTime();
        Bounds bounds = new Bounds(problem.lower(), problem.upper());
        OptimizerSettings settings = OptimizerSettings.defaults().withStarts(config.starts())
                .withPopulation(config.starts()).withLearningRate(config.learningRate())
                .withPruning(config.pruneEvery(), config.keepStarts()).withStartSampling(config.startSampling())
                .withAdamBounds(config.adamBounds()).withScreening(config.screen());
        Optimizer opt = Optimizers.create(config.optimizer(), bounds, settings, config.seed());
        history.clear();
        List<String> names = config.free().stream().map(FreeParameter::name).toList();
        String stop;
        while (true) {
            stop = stopReason(opt, t0);
            if (stop != null) {
                break;
            }
            awaitIfPaused(opt, names, history, t0, publisher);
            if (cancelled) {
                stop = StopReason.CANCELLED;
                break;
            }
            double[][] x = opt.ask();
            if (x.length == 0) {
                stop = opt.converged() ? StopReason.CONVERGED : StopReason.STALLED;
                break;
            }
            double[][] g = opt.needsGradient() ? new double[x.length][problem.dimension()] : null;
            boolean[] partial = new boolean[x.length];
            double[] loss = problem.evaluate(x, g, g == null ? null : partial);
            opt.tell(loss, g, partial);
            double seconds = (System.nanoTime() - t0) / 1e9;
            history.add(new FitResult.HistoryPoint(opt.iteration(), opt.evaluations(), seconds, opt.bestLoss()));
            latest = snapshot(opt, names, history, seconds, "running");
            publisher.publish(latest);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        latest = snapshot(opt, names, history, seconds, "finished");
        publisher.publish(latest);
        double[] best = opt.bestPoint();
        Map<String, Double> params = new LinkedHashMap<>();
        for (int d = 0; d < names.size(); d++) {
            params.put(names.get(d), best == null ? Double.NaN : best[d]);
        }
        double[] perSweep = best == null ? new double[0] : problem.perSweep(best);
        return new FitResult(config.project().project().name(), config.optimizer(), config.seed(), EngineVersion.get(),
                opt.bestLoss(), params, perSweep, List.copyOf(history), opt.evaluations(), opt.divergedEvaluations(),
                opt.iteration(), seconds, opt.currentLosses().clone(), stop,
                best == null ? Map.of() : problem.termLosses(best));
    }

    private String stopReason(Optimizer opt, long t0) {
        if (cancelled) {
            return StopReason.CANCELLED;
        }
        if (opt.finished()) {
            // A start that gave up (no line-search step lowered the loss) has not converged.
            return opt.converged() ? StopReason.CONVERGED : StopReason.STALLED;
        }
        if (opt.iteration() >= config.maxIterations()) {
            return StopReason.ITERATION_BUDGET;
        }
        if (config.maxEvaluations() > 0 && opt.evaluations() >= config.maxEvaluations()) {
            return StopReason.EVALUATION_BUDGET;
        }
        if (config.budgetSeconds() > 0 && (System.nanoTime() - t0) / 1e9 >= config.budgetSeconds()) {
            return StopReason.TIME_BUDGET;
        }
        if (config.targetLoss() > 0 && opt.bestLoss() <= config.targetLoss()) {
            return StopReason.TARGET_LOSS;
        }
        if ("lbfgsb".equals(config.optimizer()) && stalled()) {
            // Not convergence: the best start may still be moving, only not downhill.
            return StopReason.STALLED;
        }
        return null;
    }

    private boolean stalled() {
        int n = history.size();
        int patience = Math.max(STALL_ROUNDS, n / 2);
        if (n <= patience) {
            return false;
        }
        double before = history.get(n - 1 - patience).bestLoss();
        double now = history.get(n - 1).bestLoss();
        return Double.isFinite(now) && before - now <= 1e-9 * Math.abs(before);
    }

    private void awaitIfPaused(Optimizer opt, List<String> names, List<FitResult.HistoryPoint> history, long t0,
                               CoalescingPublisher<FitProgress> publisher) {
        synchronized (lock) {
            if (!paused) {
                return;
            }
            latest = snapshot(opt, names, history, (System.nanoTime() - t0) / 1e9, "paused");
            publisher.publish(latest);
            while (paused) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    cancelled = true;
                    return;
                }
            }
        }
    }

    private FitProgress snapshot(Optimizer opt, List<String> names, List<FitResult.HistoryPoint> history,
                                 double seconds, String state) {
        double[][] points = opt.currentPoints();
        double[][] copy = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            copy[i] = points[i].clone();
        }
        double[] best = opt.bestPoint();
        return new FitProgress(config.optimizer(), opt.iteration(), config.maxIterations(), opt.evaluations(),
                opt.divergedEvaluations(), seconds, opt.bestLoss(), names, best == null ? null : best.clone(),
                opt.currentLosses().clone(), copy, List.copyOf(history), state);
    }
}
