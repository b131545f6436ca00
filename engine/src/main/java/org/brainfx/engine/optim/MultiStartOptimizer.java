package org.brainfx.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A gradient method run from many starts at once: every running start contributes its next trial
 * point to one batch, so a start in a line search sends only that trial and a finished start drops
 * out. Starts never interact, so start k of a many-start run follows exactly the path of a
 * one-start run from the same point.
 */
final class MultiStartOptimizer implements Optimizer {

    private final String name;
    private final Bounds bounds;
    private final List<LocalSearch> starts;
    private final EvaluationTally tally;
    private double[][] pending;
    private int[] pendingStarts;

    MultiStartOptimizer(String name, Bounds bounds, OptimizerSettings settings, SplittableRandom rng,
                        Function<double[], LocalSearch> startFactory) {
        this.name = name;
        this.bounds = bounds;
        this.tally = new EvaluationTally(bounds.dimension());
        this.starts = new ArrayList<>();
        for (double[] start : InitialPoints.of(bounds, settings.initialPoints(), settings.starts(), settings.startSampling(), rng)) {
            starts.add(startFactory.apply(start));
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean needsGradient() {
        return true;
    }

    @Override
    public double[][] ask() {
        if (pending == null) {
            List<double[]> points = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int k = 0; k < starts.size(); k++) {
                if (!starts.get(k).finished()) {
                    points.add(bounds.fromUnit(starts.get(k).trialPoint()));
                    owners.add(k);
                }
            }
            pending = points.toArray(new double[0][]);
            pendingStarts = owners.stream().mapToInt(Integer::intValue).toArray();
        }
        return InitialPoints.copy(pending);
    }

    @Override
    public void tell(double[] loss, double[][] gradient) {
        EvaluationTally.checkResults(name, pending, loss, gradient, true);
        for (int i = 0; i < pending.length; i++) {
            boolean gradientFinite = EvaluationTally.allFinite(gradient[i]);
            boolean usable = tally.record(pending[i], loss[i], gradientFinite);
            double[] unitGradient = bounds.gradientToUnit(gradient[i]);
            starts.get(pendingStarts[i]).report(usable ? loss[i] : Double.NaN, unitGradient);
        }
        pending = null;
        pendingStarts = null;
    }

    @Override
    public boolean finished() {
        return starts.stream().allMatch(LocalSearch::finished);
    }

    @Override
    public int iteration() {
        int slowestRunning = Integer.MAX_VALUE;
        int most = 0;
        for (LocalSearch s : starts) {
            most = Math.max(most, s.iterations());
            if (!s.finished()) {
                slowestRunning = Math.min(slowestRunning, s.iterations());
            }
        }
        return slowestRunning == Integer.MAX_VALUE ? most : slowestRunning;
    }

    @Override
    public long evaluations() {
        return tally.evaluations();
    }

    @Override
    public long divergedEvaluations() {
        return tally.diverged();
    }

    @Override
    public double[] bestPoint() {
        return tally.bestPoint();
    }

    @Override
    public double bestLoss() {
        return tally.bestLoss();
    }

    @Override
    public double[] currentLosses() {
        return starts.stream().mapToDouble(LocalSearch::currentLoss).toArray();
    }

    @Override
    public double[][] currentPoints() {
        return starts.stream().map(s -> bounds.fromUnit(s.currentPoint())).toArray(double[][]::new);
    }
}
