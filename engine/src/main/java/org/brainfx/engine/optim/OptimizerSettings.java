package org.brainfx.engine.optim;

import java.util.Arrays;
import java.util.Objects;

/**
 * The knobs of every optimizer, each with a sensible default ({@link #defaults()}); an optimizer
 * reads only the ones that concern it.
 *
 * @param starts            independent starts of a gradient method (multi-start), each one lane
 * @param population        candidates per generation of a population method; 0 means the method's own
 *                          default (20 for DE, PSO and random search; {@code 4 + floor(3 ln n)} for CMA-ES)
 * @param learningRate      Adam's step size, in the unit cube the bounds map onto
 * @param lossTolerance     a method stops when its loss changes by less than this, relative to the loss
 * @param gradientTolerance a gradient method stops when the largest projected-gradient component (in
 *                          the unit cube) is below this
 * @param memory            number of correction pairs L-BFGS-B keeps
 * @param startSampling     how start points and initial populations are drawn
 * @param adamBounds        how Adam stays inside the bounds
 * @param initialPoints     explicit points (in parameter units, inside the bounds) used as the first
 *                          starts, the first population members, or CMA-ES's initial mean; may be empty
 * @param sigma0            CMA-ES's initial step size, in the unit cube
 * @param mutationMin       lower end of DE's dithered differential weight F
 * @param mutationMax       upper end of DE's dithered differential weight F
 * @param recombination     DE's crossover probability CR
 * @param inertia           PSO's inertia weight
 * @param acceleration      PSO's cognitive and social coefficients (c1 = c2)
 * @param pruneEvery        multi-start gradient methods: every this many rounds the worse half of
 *                          the running starts is dropped (successive halving); 0 keeps every start
 * @param keepStarts        pruning never leaves fewer running starts than this
 * @param screen            multi-start gradient methods: draw this many points per start, evaluate only
 *                          their loss (a forward pass, about a third of a gradient), and start from the
 *                          best of them; 1 starts from the drawn points themselves
 */
public record OptimizerSettings(int starts, int population, double learningRate, double lossTolerance,
                                double gradientTolerance, int memory, StartSampling startSampling,
                                AdamBoundHandling adamBounds, double[][] initialPoints, double sigma0,
                                double mutationMin, double mutationMax, double recombination,
                                double inertia, double acceleration, int pruneEvery, int keepStarts, int screen) {

    /** Validates every knob and copies the initial points. */
    public OptimizerSettings {
        requireAtLeast("starts", starts, 1);
        requireAtLeast("population", population, 0);
        requireAtLeast("memory", memory, 1);
        requirePositive("learningRate", learningRate);
        requireNonNegative("lossTolerance", lossTolerance);
        requireNonNegative("gradientTolerance", gradientTolerance);
        requirePositive("sigma0", sigma0);
        requirePositive("mutationMin", mutationMin);
        if (!(mutationMax >= mutationMin && mutationMax <= 2)) {
            throw new IllegalArgumentException("mutationMax must lie in [mutationMin, 2], got " + mutationMax
                    + " with mutationMin " + mutationMin);
        }
        if (!(recombination >= 0 && recombination <= 1)) {
            throw new IllegalArgumentException("recombination must lie in [0, 1], got " + recombination);
        }
        requireNonNegative("inertia", inertia);
        requireAtLeast("pruneEvery", pruneEvery, 0);
        requireAtLeast("keepStarts", keepStarts, 1);
        requireAtLeast("screen", screen, 1);
        requireNonNegative("acceleration", acceleration);
        Objects.requireNonNull(startSampling, "startSampling");
        Objects.requireNonNull(adamBounds, "adamBounds");
        initialPoints = deepCopy(initialPoints == null ? new double[0][] : initialPoints);
    }

    /** 20 starts, the methods' own population, Adam rate 0.01, tolerances 1e-12 (loss) and 1e-9 (gradient), memory 10. */
    public static OptimizerSettings defaults() {
        return new OptimizerSettings(20, 0, 0.01, 1e-12, 1e-9, 10, StartSampling.UNIFORM,
                AdamBoundHandling.PROJECTION, new double[0][], 0.3, 0.5, 1.0, 0.7, 0.7298, 1.49618, 0, 1, 1);
    }

    /** The population to use when {@link #population()} is 0. */
    public int populationOr(int methodDefault) {
        return population > 0 ? population : methodDefault;
    }

    /** The explicit initial points (a copy). */
    @Override
    public double[][] initialPoints() {
        return deepCopy(initialPoints);
    }

    /** These settings with {@code starts} starts. */
    public OptimizerSettings withStarts(int starts) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with a population of {@code population} (0: the method's default). */
    public OptimizerSettings withPopulation(int population) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with Adam learning rate {@code learningRate}. */
    public OptimizerSettings withLearningRate(double learningRate) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with the given relative loss and projected-gradient tolerances. */
    public OptimizerSettings withTolerances(double lossTolerance, double gradientTolerance) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with an L-BFGS-B memory of {@code memory} pairs. */
    public OptimizerSettings withMemory(int memory) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with start sampling {@code startSampling}. */
    public OptimizerSettings withStartSampling(StartSampling startSampling) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with Adam bound handling {@code adamBounds}. */
    public OptimizerSettings withAdamBounds(AdamBoundHandling adamBounds) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with explicit initial points; {@code starts} is raised to their number if it was lower. */
    public OptimizerSettings withInitialPoints(double[]... initialPoints) {
        return new OptimizerSettings(Math.max(starts, initialPoints.length), population, learningRate, lossTolerance,
                gradientTolerance, memory, startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax,
                recombination, inertia, acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with CMA-ES initial step size {@code sigma0}. */
    public OptimizerSettings withSigma0(double sigma0) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with DE's mutation range and crossover probability. */
    public OptimizerSettings withDifferentialEvolution(double mutationMin, double mutationMax, double recombination) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    /** These settings with successive halving of multi-start gradient runs (0 turns it off). */
    public OptimizerSettings withPruning(int newPruneEvery, int newKeepStarts) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, newPruneEvery, newKeepStarts, screen);
    }

    /** These settings with {@code screen} screened points per start (1: no screening). */
    public OptimizerSettings withScreening(int newScreen) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, newScreen);
    }

    /** These settings with PSO's inertia and acceleration coefficients. */
    public OptimizerSettings withSwarm(double inertia, double acceleration) {
        return new OptimizerSettings(starts, population, learningRate, lossTolerance, gradientTolerance, memory,
                startSampling, adamBounds, initialPoints, sigma0, mutationMin, mutationMax, recombination, inertia,
                acceleration, pruneEvery, keepStarts, screen);
    }

    private static double[][] deepCopy(double[][] points) {
        double[][] c = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            c[i] = Objects.requireNonNull(points[i], "initial point " + i).clone();
        }
        return c;
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
        }
    }

    private static void requireNonNegative(String name, double value) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException(name + " must be a non-negative finite number, got " + value);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptimizerSettings s && starts == s.starts && population == s.population
                && Double.compare(learningRate, s.learningRate) == 0 && Double.compare(lossTolerance, s.lossTolerance) == 0
                && Double.compare(gradientTolerance, s.gradientTolerance) == 0 && memory == s.memory
                && startSampling == s.startSampling && adamBounds == s.adamBounds
                && Arrays.deepEquals(initialPoints, s.initialPoints) && Double.compare(sigma0, s.sigma0) == 0
                && Double.compare(mutationMin, s.mutationMin) == 0 && Double.compare(mutationMax, s.mutationMax) == 0
                && Double.compare(recombination, s.recombination) == 0 && Double.compare(inertia, s.inertia) == 0
                && Double.compare(acceleration, s.acceleration) == 0 && pruneEvery == s.pruneEvery
                && keepStarts == s.keepStarts && screen == s.screen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(starts, population, learningRate, lossTolerance, gradientTolerance, memory, startSampling,
                adamBounds, Arrays.deepHashCode(initialPoints), sigma0, mutationMin, mutationMax, recombination,
                inertia, acceleration, pruneEvery, keepStarts, screen);
    }

    @Override
    public String toString() {
        return "OptimizerSettings[starts=" + starts + ", population=" + population + ", learningRate=" + learningRate
                + ", lossTolerance=" + lossTolerance + ", gradientTolerance=" + gradientTolerance + ", memory=" + memory
                + ", startSampling=" + startSampling + ", adamBounds=" + adamBounds + ", initialPoints="
                + Arrays.deepToString(initialPoints) + ", sigma0=" + sigma0 + ", mutation=[" + mutationMin + ", "
                + mutationMax + "], recombination=" + recombination + ", inertia=" + inertia + ", acceleration="
                + acceleration + ", pruneEvery=" + pruneEvery + ", keepStarts=" + keepStarts + ", screen=" + screen + "]";
    }
}
