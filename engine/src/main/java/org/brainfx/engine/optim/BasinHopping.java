package org.brainfx.engine.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Basin hopping with L-BFGS-B, its walkers running as the lanes of one batch: every walker runs a
 * short L-BFGS-B descent, and when that ends (converged, stalled at a jump, or after
 * {@value #LOCAL_ITERATIONS} iterations) its end point enters a small elite of the best distinct
 * points, and the walker starts a new descent from a random hop away from an elite point.
 *
 * <p>Losses with spike terms jump where a spike appears or vanishes, and are kinked where a spike's
 * crossing moves from one step to the next; a local method stops at a jump (one spike more or
 * fewer a tiny step away, no gradient vanishing there) and creeps along kinked valleys, so which
 * basin a start falls into decides its result. The hops cross the jumps, the descents do the
 * search within a basin with exact gradients, and the elite keeps the search where the descents
 * did best (monotonic basin hopping, Leary 2000, with a population). Short descents pay: most of a
 * long one's evaluations go to line searches at kinks. A hop moves every coordinate of the
 * unit cube the bounds map onto by a normal step whose size is drawn log-uniformly from
 * [{@value #SMALLEST_HOP}, {@value #LARGEST_HOP}], so the same run hops over the next cliff and
 * into neighbouring basins without a step size to tune; the base point is drawn from the elite
 * with a bias to the best.
 *
 * <p>With screening ({@code screen > 1}) the first descents start from the best of
 * {@code screen × starts} drawn points, as in the multi-start methods. The run ends by itself when
 * its last {@code max(5 × walkers, descents / 2)} descents have not lowered the best loss by more
 * than one part in 10⁶; it then reports that it has not converged (no test of a minimum was met).
 * {@link #iteration()} counts rounds of evaluations (one trial point per walker each).
 */
final class BasinHopping implements Optimizer {

    /** Iterations after which a descent ends and its walker hops: creeping towards a jump is not worth more. */
    static final int LOCAL_ITERATIONS = 5;
    /** Distinct points the hops start from. */
    static final int ELITE = 5;
    /** Smallest hop (normal standard deviation per coordinate), in the unit cube. */
    static final double SMALLEST_HOP = 0.003;
    /** Largest hop, in the unit cube. */
    static final double LARGEST_HOP = 0.1;
    /** Relative improvement of the best loss that counts as progress for the stopping test. */
    static final double PROGRESS = 1e-6;
    /** Elite points closer than this (largest coordinate difference, unit cube) are taken as one basin. */
    static final double SAME_POINT = 1e-6;

    private static final String NAME = "basin";

    private final Bounds bounds;
    private final OptimizerSettings settings;
    private final SplittableRandom rng;
    private final EvaluationTally tally;
    private final int walkerCount;
    private final int explicitCount;
    private final List<LocalSearch> walkers = new ArrayList<>();
    private final List<double[]> elitePoints = new ArrayList<>();
    private final List<Double> eliteLosses = new ArrayList<>();
    private double[][] screened;
    private double[][] pending;
    private int[] owners;
    private int rounds;
    private int descents;
    private int lastProgress;
    private double progressLoss = Double.POSITIVE_INFINITY;

    BasinHopping(Bounds bounds, OptimizerSettings settings, SplittableRandom rng) {
        this.bounds = bounds;
        this.settings = settings;
        this.rng = rng;
        this.tally = new EvaluationTally(bounds.dimension());
        this.walkerCount = settings.starts();
        this.explicitCount = settings.initialPoints().length;
        double[][] drawn = InitialPoints.of(bounds, settings.initialPoints(), settings.starts() * settings.screen(),
                settings.startSampling(), rng);
        if (settings.screen() > 1) {
            screened = drawn;
        } else {
            for (double[] p : drawn) {
                walkers.add(descent(p));
            }
        }
    }

    private LocalSearch descent(double[] unitStart) {
        return new LbfgsbSearch(unitStart, settings.memory(), settings.lossTolerance(), settings.gradientTolerance());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsGradient() {
        return screened == null;
    }

    @Override
    public double[][] ask() {
        if (finished()) {
            return new double[0][];
        }
        if (pending == null && screened != null) {
            pending = Arrays.stream(screened).map(bounds::fromUnit).toArray(double[][]::new);
            owners = new int[0];
        } else if (pending == null) {
            pending = new double[walkers.size()][];
            owners = new int[walkers.size()];
            for (int k = 0; k < walkers.size(); k++) {
                pending[k] = bounds.fromUnit(walkers.get(k).trialPoint());
                owners[k] = k;
            }
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
            EvaluationTally.checkResults(NAME, pending, loss, gradient, false);
            for (int i = 0; i < pending.length; i++) {
                tally.record(pending[i], loss[i], true);
            }
            startFromScreened(loss);
            pending = null;
            return;
        }
        EvaluationTally.checkResults(NAME, pending, loss, gradient, true);
        for (int i = 0; i < pending.length; i++) {
            boolean usable = tally.record(pending[i], loss[i], EvaluationTally.allFinite(gradient[i]));
            walkers.get(owners[i]).report(usable ? loss[i] : Double.NaN, bounds.gradientToUnit(gradient[i]),
                    partialGradient != null && partialGradient[i]);
        }
        pending = null;
        rounds++;
        for (int k = 0; k < walkers.size(); k++) {
            LocalSearch w = walkers.get(k);
            if (w.finished() || w.iterations() >= LOCAL_ITERATIONS) {
                endDescent(w);
                walkers.set(k, descent(hop()));
            }
        }
    }

    /** Walkers from the explicit points and the best screened ones. */
    private void startFromScreened(double[] loss) {
        for (double[] p : InitialPoints.bestScreened(screened, loss, explicitCount, walkerCount)) {
            walkers.add(descent(p));
        }
        screened = null;
    }

    /** Counts a finished descent, offers its end point to the elite, and notes whether it lowered the best loss. */
    private void endDescent(LocalSearch w) {
        descents++;
        double f = w.currentLoss();
        if (Double.isFinite(f)) {
            offer(w.currentPoint(), f);
        }
        double best = tally.bestLoss();
        if (best < progressLoss - PROGRESS * Math.abs(progressLoss) || !Double.isFinite(progressLoss)) {
            progressLoss = best;
            lastProgress = descents;
        }
    }

    /** Adds a descent's end point to the elite if it is among the best; a point of a basin already held replaces it if lower. */
    void offer(double[] unitPoint, double loss) {
        for (int i = 0; i < elitePoints.size(); i++) {
            if (samePoint(elitePoints.get(i), unitPoint)) {
                if (loss < eliteLosses.get(i)) {
                    elitePoints.remove(i);
                    eliteLosses.remove(i);
                    break;
                }
                return;
            }
        }
        int at = 0;
        while (at < eliteLosses.size() && eliteLosses.get(at) <= loss) {
            at++;
        }
        if (at >= ELITE) {
            return;
        }
        elitePoints.add(at, unitPoint.clone());
        eliteLosses.add(at, loss);
        if (elitePoints.size() > ELITE) {
            elitePoints.remove(ELITE);
            eliteLosses.remove(ELITE);
        }
    }

    private static boolean samePoint(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (Math.abs(a[i] - b[i]) > SAME_POINT) {
                return false;
            }
        }
        return true;
    }

    /**
     * A new start: an elite point (the i-th best with probability falling with i) moved by a normal
     * step of a log-uniform size, clipped to the unit cube; a uniform point while the elite is empty.
     */
    private double[] hop() {
        if (elitePoints.isEmpty()) {
            return bounds.toUnit(bounds.uniform(rng));
        }
        double u = rng.nextDouble();
        double[] base = elitePoints.get((int) (elitePoints.size() * u * u));
        double size = SMALLEST_HOP * Math.pow(LARGEST_HOP / SMALLEST_HOP, rng.nextDouble());
        double[] p = new double[base.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.min(1, Math.max(0, base[i] + size * gaussian()));
        }
        return p;
    }

    private double gaussian() {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The elite's losses, best first (for tests). */
    double[] eliteLosses() {
        return eliteLosses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Descents ended so far. */
    int descents() {
        return descents;
    }

    @Override
    public boolean finished() {
        int patience = Math.max(5 * walkerCount, descents / 2);
        return screened == null && descents - lastProgress >= patience;
    }

    /** Never: the run ends when hopping stops paying, which is no test of a minimum. */
    @Override
    public boolean converged() {
        return false;
    }

    @Override
    public int iteration() {
        return rounds;
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
        return walkers.stream().mapToDouble(LocalSearch::currentLoss).toArray();
    }

    @Override
    public double[][] currentPoints() {
        return walkers.stream().map(w -> bounds.fromUnit(w.currentPoint())).toArray(double[][]::new);
    }
}
