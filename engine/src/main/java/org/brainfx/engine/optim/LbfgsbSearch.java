package org.brainfx.engine.optim;

/**
 * One start of L-BFGS-B (Byrd, Lu, Nocedal, Zhu 1995; the projection variant of version 3.0,
 * Morales and Nocedal 2011) in the unit cube, as an ask/tell state machine.
 *
 * <p>Each iteration: (1) the {@link GeneralizedCauchyPoint} — walk the projected steepest-descent
 * path {@code P(x − t·g)} through its breakpoints and stop at the first minimizer of the compact
 * limited-memory model {@code B = θI − WMWᵀ}; variables that hit a bound there are fixed (the
 * active set) and stay exactly on it; (2) {@link SubspaceMinimization} over the remaining free
 * variables, projected onto the box; (3) a Moré–Thuente line search along {@code d = x̄ − x}
 * (first trial step 1, maximum step 1 on the first iteration and the largest feasible step after,
 * sufficient-decrease parameter 1e-3, curvature parameter 0.9, at most 20 trials), whose trials
 * are clipped to the box so that rounding never leaves it. The pair {@code (s, y)} enters the
 * memory only with positive curvature.
 *
 * <p>Losses with spike terms jump where a spike appears or vanishes, and no step at a jump meets
 * the curvature condition: the line search would bisect towards the jump until its trials run
 * out. So once {@value #ARMIJO_PATIENCE} trials have passed, or when the line search fails, the
 * best trial that met the sufficient-decrease condition is accepted (on smooth losses the
 * Moré–Thuente search ends well before that, and nothing changes). A start whose line searches
 * settle like this {@value #JUMP_ITERATIONS} iterations in a row, or whose settled step lowers the
 * loss by less than the loss tolerance while the gradient does not vanish, is pressed against a
 * jump, creeping towards it by ever smaller steps, and ends as {@link Outcome#STALLED}, never as
 * converged.
 *
 * <p>Stops when the projected gradient's largest component is below the gradient tolerance (a
 * partial gradient, see {@link Optimizer#tell(double[], double[][], boolean[])}, never passes), when
 * an accepted step changes the loss by less than the relative loss tolerance (both
 * {@link Outcome#CONVERGED}), or when a line search fails with an empty memory
 * ({@link Outcome#STALLED}: no step along the projected steepest descent lowers the loss, which
 * on a loss with jumps is no evidence of a minimum). After a failure with a non-empty memory, the
 * memory is dropped and the iteration retried along the projected steepest descent, as the
 * reference code does. A diverged trial (NaN or infinite loss or gradient) restarts the line
 * search at a tenth of the failed step, with that smaller step as its maximum; a diverged start
 * point ends the start ({@link Outcome#DIVERGED}).
 */
final class LbfgsbSearch implements LocalSearch {

    private static final double SUFFICIENT_DECREASE = 1e-3;
    private static final double CURVATURE = 0.9;
    private static final double INTERVAL_TOLERANCE = 0.1;
    private static final int MAX_TRIALS = 20;
    private static final double DIVERGED_STEP_FACTOR = 0.1;
    private static final double LARGEST_STEP = 1e10;
    /** Trials after which a line search settles for its best sufficient-decrease point. */
    static final int ARMIJO_PATIENCE = 6;
    /** Consecutive settled line searches after which a start is taken to be stuck at a jump. */
    static final int JUMP_ITERATIONS = 5;

    private final CompactLbfgsMatrix memory;
    private final double lossTolerance;
    private final double gradientTolerance;

    private double[] x;
    private double f = Double.NaN;
    private double[] g;
    private double[] direction;
    private double[] target;
    private double slope;
    private MoreThuenteLineSearch lineSearch;
    private int trials;
    private double[] trial;
    private boolean started;
    private Outcome outcome = Outcome.RUNNING;
    private int iterations;
    private double[] armijoPoint;
    private double armijoLoss;
    private double[] armijoGradient;
    private int settledInARow;
    private boolean gPartial;
    private boolean armijoPartial;

    LbfgsbSearch(double[] start, int memory, double lossTolerance, double gradientTolerance) {
        this.memory = new CompactLbfgsMatrix(memory);
        this.lossTolerance = lossTolerance;
        this.gradientTolerance = gradientTolerance;
        this.x = start.clone();
        this.trial = start.clone();
    }

    @Override
    public double[] trialPoint() {
        return trial.clone();
    }

    @Override
    public void report(double loss, double[] gradient) {
        report(loss, gradient, false);
    }

    @Override
    public void report(double loss, double[] gradient, boolean partialGradient) {
        boolean usable = Double.isFinite(loss) && EvaluationTally.allFinite(gradient);
        if (!started) {
            started = true;
            if (!usable) {
                outcome = Outcome.DIVERGED;
                return;
            }
            f = loss;
            g = gradient.clone();
            gPartial = partialGradient;
            if (gradientVanishes()) {
                outcome = Outcome.CONVERGED;
                return;
            }
            beginIteration();
            return;
        }
        trials++;
        if (!usable) {
            retryShorter();
            return;
        }
        double step = lineSearch.step();
        if (lineSearch.sufficientDecrease(step, loss) && !(loss >= armijoLoss)) {
            armijoPoint = trial.clone();
            armijoLoss = loss;
            armijoGradient = gradient.clone();
            armijoPartial = partialGradient;
        }
        MoreThuenteLineSearch.Status status = lineSearch.next(loss, CompactLbfgsMatrix.dot(gradient, direction));
        if (status == MoreThuenteLineSearch.Status.EVALUATE) {
            if (trials >= ARMIJO_PATIENCE && armijoPoint != null) {
                acceptArmijo();
            } else if (trials >= MAX_TRIALS) {
                lineSearchFailed();
            } else {
                trial = pointAt(lineSearch.step());
            }
        } else if (status != MoreThuenteLineSearch.Status.ERROR && lineSearch.sufficientDecrease(lineSearch.step(), loss)) {
            settledInARow = 0;
            accept(loss, gradient, partialGradient);
        } else {
            lineSearchFailed();
        }
    }

    @Override
    public boolean finished() {
        return outcome != Outcome.RUNNING;
    }

    @Override
    public Outcome outcome() {
        return outcome;
    }

    @Override
    public int iterations() {
        return iterations;
    }

    @Override
    public double currentLoss() {
        return f;
    }

    @Override
    public double[] currentPoint() {
        return x.clone();
    }

    private void beginIteration() {
        armijoPoint = null;
        armijoLoss = Double.NaN;
        armijoGradient = null;
        GeneralizedCauchyPoint cauchy = GeneralizedCauchyPoint.of(x, g, memory);
        target = SubspaceMinimization.target(x, g, cauchy, memory);
        direction = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            direction[i] = target[i] - x[i];
        }
        slope = CompactLbfgsMatrix.dot(g, direction);
        if (!(slope < 0)) {
            lineSearchFailed();
            return;
        }
        double maxStep = iterations == 0 ? 1 : largestFeasibleStep();
        startLineSearch(1, maxStep);
    }

    private void startLineSearch(double step, double maxStep) {
        lineSearch = new MoreThuenteLineSearch(f, slope, step, 0, maxStep, SUFFICIENT_DECREASE, CURVATURE,
                INTERVAL_TOLERANCE);
        trials = 0;
        trial = pointAt(step);
    }

    private void retryShorter() {
        if (trials >= MAX_TRIALS) {
            lineSearchFailed();
            return;
        }
        double shorter = DIVERGED_STEP_FACTOR * lineSearch.step();
        int used = trials;
        startLineSearch(shorter, shorter);
        trials = used;
    }

    private void acceptArmijo() {
        trial = armijoPoint;
        settledInARow++;
        double before = f;
        if (settledInARow >= JUMP_ITERATIONS) {
            take(armijoLoss, armijoGradient, armijoPartial);
            outcome = Outcome.STALLED;
            return;
        }
        // A settled step that hardly lowers the loss has crept up to a jump: no evidence of a minimum.
        if (LocalSearch.relativeChangeBelow(before, armijoLoss, lossTolerance) && !gradientVanishesAt(armijoGradient,
                armijoPartial)) {
            take(armijoLoss, armijoGradient, armijoPartial);
            outcome = Outcome.STALLED;
            return;
        }
        accept(armijoLoss, armijoGradient, armijoPartial);
    }

    private void lineSearchFailed() {
        if (armijoPoint != null) {
            acceptArmijo();
            return;
        }
        if (memory.pairs() == 0) {
            outcome = Outcome.STALLED;
            return;
        }
        memory.clear();
        beginIteration();
    }

    private void accept(double loss, double[] gradient, boolean partialGradient) {
        double before = f;
        take(loss, gradient, partialGradient);
        if (LocalSearch.relativeChangeBelow(before, f, lossTolerance) || gradientVanishes()) {
            outcome = Outcome.CONVERGED;
            return;
        }
        beginIteration();
    }

    /** Moves to the trial point, learning the curvature pair of the step. */
    private void take(double loss, double[] gradient, boolean partialGradient) {
        double[] s = new double[x.length];
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            s[i] = trial[i] - x[i];
            y[i] = gradient[i] - g[i];
        }
        memory.add(s, y);
        x = trial.clone();
        f = loss;
        g = gradient.clone();
        gPartial = partialGradient;
        iterations++;
    }

    /** The projected-gradient test, which a partial gradient cannot pass: a missing part may not vanish. */
    private boolean gradientVanishes() {
        return !gPartial && LocalSearch.projectedGradientNorm(x, g) <= gradientTolerance;
    }

    /** The projected-gradient test at the settled trial point. */
    private boolean gradientVanishesAt(double[] gradient, boolean partial) {
        return !partial && LocalSearch.projectedGradientNorm(armijoPoint, gradient) <= gradientTolerance;
    }

    private double[] pointAt(double step) {
        if (step == 1) {
            return target.clone();
        }
        double[] p = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = Math.min(1, Math.max(0, x[i] + step * direction[i]));
        }
        return p;
    }

    private double largestFeasibleStep() {
        double step = LARGEST_STEP;
        for (int i = 0; i < x.length; i++) {
            if (direction[i] > 0) {
                step = Math.min(step, (1 - x[i]) / direction[i]);
            } else if (direction[i] < 0) {
                step = Math.min(step, -x[i] / direction[i]);
            }
        }
        return Math.max(step, 1);
    }
}
