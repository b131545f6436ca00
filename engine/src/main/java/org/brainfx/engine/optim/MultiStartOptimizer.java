package org.brainfx.engine.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A gradient method run from many starts at once: every running start contributes its next trial
 * point to one batch, so a start in a line search sends only that trial and a finished start drops
 * out. Starts never interact, so start k of a many-start run follows exactly the path of a
 * one-start run from the same point. Optionally (successive halving, {@code pruneEvery > 0})
 * the worse half of the running starts is dropped every {@code pruneEvery} rounds, so the
 * evaluations go to the starts in the most promising basins; the survivors' paths are unchanged.
 *
 * <p>With screening ({@code screen > 1}) the first round asks for {@code screen × starts} drawn
 * points without gradients and the starts are the best of them (explicit initial points are always
 * kept): on losses with spike terms most random points of a wide box spike far too often or never,
 * and a local method started there spends its line searches crossing spike-count cliffs; a forward
 * pass costs about 0.4 of a gradient (AdEx on abf-steps), so screening ten points per start costs
 * about as much as four rounds of gradients.
 */
final class MultiStartOptimizer implements Optimizer {

    private final String name;
    private final Bounds bounds;
    private final List<LocalSearch> starts;
    private final EvaluationTally tally;
    private final Function<double[], LocalSearch> startFactory;
    private double[][] pending;
    private int[] pendingStarts;
    private boolean[] pruned;
    private final int pruneEvery;
    private final int keepStarts;
    private final int startCount;
    private final int explicitCount;
    private double[][] screened;
    private int rounds;

    MultiStartOptimizer(String name, Bounds bounds, OptimizerSettings settings, SplittableRandom rng,
                        Function<double[], LocalSearch> startFactory) {
        this.name = name;
        this.bounds = bounds;
        this.tally = new EvaluationTally(bounds.dimension());
        this.startFactory = startFactory;
        this.starts = new ArrayList<>();
        this.startCount = settings.starts();
        this.explicitCount = settings.initialPoints().length;
        this.pruneEvery = settings.pruneEvery();
        this.keepStarts = settings.keepStarts();
        double[][] drawn = InitialPoints.of(bounds, settings.initialPoints(), settings.starts() * settings.screen(),
                settings.startSampling(), rng);
        if (settings.screen() > 1) {
            screened = drawn;
            pruned = new boolean[0];
        } else {
            begin(drawn);
        }
    }

    private void begin(double[][] unitPoints) {
        for (double[] start : unitPoints) {
            starts.add(startFactory.apply(start));
        }
        pruned = new boolean[starts.size()];
    }

    /** Starts from the explicit points and the best screened ones. */
    private void pickScreened(double[] loss) {
        double[][] chosen = InitialPoints.bestScreened(screened, loss, explicitCount, startCount);
        screened = null;
        begin(chosen);
    }

    private boolean running(int k) {
        return !pruned[k] && !starts.get(k).finished();
    }

    /** Drops the worse half of the running starts (by current loss; diverged ones first). */
    private void prune() {
        List<Integer> active = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            if (running(k)) {
                active.add(k);
            }
        }
        int keep = Math.max(keepStarts, (active.size() + 1) / 2);
        if (active.size() <= keep) {
            return;
        }
        active.sort((i, j) -> Double.compare(lossOrWorst(i), lossOrWorst(j)));
        for (int r = keep; r < active.size(); r++) {
            pruned[active.get(r)] = true;
        }
    }

    private double lossOrWorst(int k) {
        double l = starts.get(k).currentLoss();
        return Double.isNaN(l) ? Double.POSITIVE_INFINITY : l;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean needsGradient() {
        return screened == null;
    }

    @Override
    public double[][] ask() {
        if (pending == null && screened != null) {
            pending = java.util.Arrays.stream(screened).map(bounds::fromUnit).toArray(double[][]::new);
            pendingStarts = new int[0];
        } else if (pending == null) {
            List<double[]> points = new ArrayList<>();
            List<Integer> owners = new ArrayList<>();
            for (int k = 0; k < starts.size(); k++) {
                if (running(k)) {
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
        tell(loss, gradient, null);
    }

    @Override
    public void tell(double[] loss, double[][] gradient, boolean[] partialGradient) {
        if (screened != null) {
            EvaluationTally.checkResults(name, pending, loss, gradient, false);
            for (int i = 0; i < pending.length; i++) {
                tally.record(pending[i], loss[i], true);
            }
            pending = null;
            pendingStarts = null;
            pickScreened(loss);
            return;
        }
        EvaluationTally.checkResults(name, pending, loss, gradient, true);
        for (int i = 0; i < pending.length; i++) {
            boolean gradientFinite = EvaluationTally.allFinite(gradient[i]);
            boolean usable = tally.record(pending[i], loss[i], gradientFinite);
            double[] unitGradient = bounds.gradientToUnit(gradient[i]);
            starts.get(pendingStarts[i]).report(usable ? loss[i] : Double.NaN, unitGradient,
                    partialGradient != null && partialGradient[i]);
        }
        pending = null;
        pendingStarts = null;
        rounds++;
        if (pruneEvery > 0 && rounds % pruneEvery == 0) {
            prune();
        }
    }

    @Override
    public boolean finished() {
        if (screened != null) {
            return false;
        }
        for (int k = 0; k < starts.size(); k++) {
            if (running(k)) {
                return false;
            }
        }
        return true;
    }

    /** True when the start with the lowest current loss met its convergence test. */
    @Override
    public boolean converged() {
        if (!finished()) {
            return false;
        }
        LocalSearch best = null;
        for (LocalSearch s : starts) {
            if (Double.isFinite(s.currentLoss()) && (best == null || s.currentLoss() < best.currentLoss())) {
                best = s;
            }
        }
        return best != null && best.outcome() == LocalSearch.Outcome.CONVERGED;
    }

    @Override
    public int iteration() {
        int slowestRunning = Integer.MAX_VALUE;
        int most = 0;
        for (int k = 0; k < starts.size(); k++) {
            LocalSearch s = starts.get(k);
            most = Math.max(most, s.iterations());
            if (running(k)) {
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
