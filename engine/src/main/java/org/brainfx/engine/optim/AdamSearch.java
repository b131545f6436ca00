package org.brainfx.engine.optim;

/**
 * One start of Adam (Kingma and Ba 2015; β1 0.9, β2 0.999, ε 1e-8, bias-corrected moments) in the
 * unit cube, kept inside the box by projection (clip after each step) or by reparametrization
 * ({@code u = sigmoid(v)}, gradients through {@code du/dv = u(1 − u)}).
 *
 * <p>A partial gradient (see {@link Optimizer#tell(double[], double[][], boolean[])}) steers but
 * never passes the gradient test. A diverged trial rejects the step: the start returns to its last good point and retries the
 * same update with half its learning rate, which it keeps from then on. When the start's best
 * loss has not improved (by more than the relative loss tolerance) for {@value #WINDOW} steps
 * the learning rate is halved (reduce-on-plateau): Adam's steps then settle into the minimum
 * instead of circling it, and on the piecewise-constant losses of spiking models a plateau does
 * not end the search while the surrogate gradient still points somewhere. Stops when the
 * projected gradient is below the gradient tolerance, when plateaus have shrunk the learning
 * rate to {@value #FINAL_RATE_FRACTION} of its start, when the start point itself diverged, or
 * when divergence halving has shrunk it by a factor 1e12.
 */
final class AdamSearch implements LocalSearch {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPSILON = 1e-8;
    // Steps without improvement after which the learning rate is halved: single Adam steps oscillate.
    private static final int WINDOW = 20;
    private static final double SMALLEST_RATE_FRACTION = 1e-12;
    private static final double FINAL_RATE_FRACTION = 1e-3;
    // A start exactly on a bound has no finite logit; begin this close to it instead.
    private static final double LOGIT_MARGIN = 1e-9;

    private final boolean reparametrized;
    private final double lossTolerance;
    private final double gradientTolerance;
    private final double smallestRate;
    private final double[] firstMoment;
    private final double[] secondMoment;
    private final double finalRate;
    private double bestOwnLoss = Double.NaN;
    private int sinceImprovement;

    private double rate;
    private double[] accepted;
    private double[] step;
    private double[] trial;
    private double f = Double.NaN;
    private int moments;
    private boolean started;
    private boolean finished;
    /** Whether the last reported gradient was partial; such a gradient cannot pass the convergence test. */
    private boolean partial;

    AdamSearch(double[] start, double learningRate, AdamBoundHandling bounds, double lossTolerance,
               double gradientTolerance) {
        this.reparametrized = bounds == AdamBoundHandling.REPARAMETRIZATION;
        this.rate = learningRate;
        this.smallestRate = learningRate * SMALLEST_RATE_FRACTION;
        this.finalRate = learningRate * FINAL_RATE_FRACTION;
        this.lossTolerance = lossTolerance;
        this.gradientTolerance = gradientTolerance;
        this.firstMoment = new double[start.length];
        this.secondMoment = new double[start.length];
        this.trial = new double[start.length];
        for (int i = 0; i < start.length; i++) {
            trial[i] = reparametrized ? logit(Math.min(1 - LOGIT_MARGIN, Math.max(LOGIT_MARGIN, start[i]))) : start[i];
        }
        this.accepted = trial.clone();
    }

    @Override
    public double[] trialPoint() {
        return toUnit(trial);
    }

    @Override
    public void report(double loss, double[] gradient) {
        report(loss, gradient, false);
    }

    @Override
    public void report(double loss, double[] gradient, boolean partialGradient) {
        partial = partialGradient;
        boolean usable = Double.isFinite(loss) && EvaluationTally.allFinite(gradient);
        if (!usable) {
            if (!started) {
                started = true;
                finished = true;
                return;
            }
            rate /= 2;
            if (rate < smallestRate) {
                finished = true;
                return;
            }
            trial = stepFrom(accepted);
            return;
        }
        started = true;
        accepted = trial.clone();
        f = loss;
        double[] internalGradient = internalGradient(gradient);
        moments++;
        if (converged(gradient, internalGradient)) {
            finished = true;
            return;
        }
        double correction1 = 1 - Math.pow(BETA1, moments);
        double correction2 = 1 - Math.pow(BETA2, moments);
        step = new double[internalGradient.length];
        for (int i = 0; i < step.length; i++) {
            double gi = internalGradient[i];
            firstMoment[i] = BETA1 * firstMoment[i] + (1 - BETA1) * gi;
            secondMoment[i] = BETA2 * secondMoment[i] + (1 - BETA2) * gi * gi;
            step[i] = (firstMoment[i] / correction1) / (Math.sqrt(secondMoment[i] / correction2) + EPSILON);
        }
        trial = stepFrom(accepted);
    }

    @Override
    public boolean finished() {
        return finished;
    }

    @Override
    public int iterations() {
        return Math.max(0, moments - 1);
    }

    @Override
    public double currentLoss() {
        return f;
    }

    @Override
    public double[] currentPoint() {
        return toUnit(accepted);
    }

    private boolean converged(double[] unitGradient, double[] internalGradient) {
        double gradientNorm;
        if (reparametrized) {
            gradientNorm = 0;
            for (double gi : internalGradient) {
                gradientNorm = Math.max(gradientNorm, Math.abs(gi));
            }
        } else {
            gradientNorm = LocalSearch.projectedGradientNorm(accepted, unitGradient);
        }
        if (gradientNorm <= gradientTolerance && !partial) {
            return true;
        }
        if (Double.isNaN(bestOwnLoss) || f < bestOwnLoss - lossTolerance * Math.abs(bestOwnLoss)) {
            bestOwnLoss = f;
            sinceImprovement = 0;
            return false;
        }
        if (++sinceImprovement >= WINDOW) {
            rate /= 2;
            sinceImprovement = 0;
        }
        return rate < finalRate;
    }

    private double[] internalGradient(double[] unitGradient) {
        if (!reparametrized) {
            return unitGradient;
        }
        double[] gv = new double[unitGradient.length];
        for (int i = 0; i < gv.length; i++) {
            double u = sigmoid(accepted[i]);
            gv[i] = unitGradient[i] * u * (1 - u);
        }
        return gv;
    }

    private double[] stepFrom(double[] from) {
        double[] next = new double[from.length];
        for (int i = 0; i < next.length; i++) {
            next[i] = from[i] - rate * step[i];
            if (!reparametrized) {
                next[i] = Math.min(1, Math.max(0, next[i]));
            }
        }
        return next;
    }

    private double[] toUnit(double[] internal) {
        if (!reparametrized) {
            return internal.clone();
        }
        double[] u = new double[internal.length];
        for (int i = 0; i < u.length; i++) {
            u[i] = sigmoid(internal[i]);
        }
        return u;
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    private static double logit(double u) {
        return Math.log(u / (1 - u));
    }
}
