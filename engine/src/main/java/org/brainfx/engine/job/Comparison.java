package org.brainfx.engine.job;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Races optimizers on one fit problem, each repeated with seeds {@code seed, seed+1, …}, and
 * summarizes final loss and wall time (mean ± sd) and the time each needs to reach a target
 * loss — the reference paper's table, measured here in one run.
 */
public final class Comparison {
    private Comparison() {
    }

    /** One optimizer's summary; {@code secondsToTarget} is the mean over repeats that reached it, null if none did. */
    public record OptimizerSummary(String name, double lossMean, double lossSd, double wallSecondsMean,
                                   double wallSecondsSd, Double secondsToTarget, int reachedTarget, int repeats,
                                   List<List<FitResult.HistoryPoint>> histories) { }

    /** The table; {@code target} is the loss used for time-to-target (null when none was given). */
    public record Result(List<OptimizerSummary> optimizers, Double target) { }

    /** Progress of a comparison: which optimizer and repeat is running. */
    public interface Progress {
        /** Called before each run. */
        void starting(String optimizer, int repeat, int repeats);

        /** Called when a run ends. */
        void finished(String optimizer, int repeat, FitResult result);
    }

    /**
     * Runs every optimizer {@code repeats} times on {@code base}'s problem.
     *
     * @param targetLoss loss for time-to-target (0 or less: none)
     */
    public static Result run(FitConfig base, List<String> optimizers, int repeats, double targetLoss, Progress progress,
                             Consumer<FitProgress> live) {
        List<OptimizerSummary> out = new ArrayList<>();
        for (String name : optimizers) {
            double[] loss = new double[repeats];
            double[] wall = new double[repeats];
            List<List<FitResult.HistoryPoint>> histories = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                progress.starting(name, r, repeats);
                FitResult res = new FitJob(repeatConfig(base, name, r)).run(live);
                loss[r] = res.loss();
                wall[r] = res.wallSeconds();
                histories.add(res.history());
                progress.finished(name, r, res);
            }
            out.add(summarize(name, loss, wall, histories, targetLoss));
        }
        return new Result(out, targetLoss > 0 ? targetLoss : null);
    }

    /** The configuration of repeat {@code repeat} (from 0) of {@code optimizer}: {@code base} with seed {@code base.seed() + repeat}. */
    public static FitConfig repeatConfig(FitConfig base, String optimizer, int repeat) {
        return base.with(optimizer, null, null, null, null, base.seed() + repeat, null);
    }

    /**
     * One optimizer's row from its runs (index = repeat): mean ± sd of final loss and wall time,
     * and the mean time to the first round at or below {@code targetLoss} over the runs that got there.
     *
     * @param targetLoss loss for time-to-target (0 or less: none)
     */
    public static OptimizerSummary summarize(String name, double[] loss, double[] wall,
                                             List<List<FitResult.HistoryPoint>> histories, double targetLoss) {
        List<Double> toTarget = new ArrayList<>();
        if (targetLoss > 0) {
            for (List<FitResult.HistoryPoint> h : histories) {
                h.stream().filter(p -> p.bestLoss() <= targetLoss).findFirst().ifPresent(p -> toTarget.add(p.seconds()));
            }
        }
        Double tt = toTarget.isEmpty() ? null : toTarget.stream().mapToDouble(d -> d).average().orElse(0);
        return new OptimizerSummary(name, mean(loss), sd(loss), mean(wall), sd(wall), tt, toTarget.size(), loss.length,
                List.copyOf(histories));
    }

    /** The arithmetic mean. */
    public static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** The sample standard deviation (0 for fewer than two values). */
    public static double sd(double[] v) {
        if (v.length < 2) {
            return 0;
        }
        double m = mean(v);
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }
}
