package org.brainfx.engine.optim;

import java.util.List;
import java.util.SplittableRandom;

/** Creates optimizers by their short names; every one is deterministic given its seed. */
public final class Optimizers {

    /** The names {@link #create} accepts, gradient methods first. */
    public static final List<String> NAMES = List.of("lbfgsb", "adam", "basin", "hybrid", "de", "pso", "cmaes", "random");
    /** The optimizer a fit uses when the project names none: multi-start L-BFGS-B. */
    public static final String DEFAULT = "lbfgsb";
    /**
     * The gradient methods whose {@code starts} are descents (independent ones, or basin hopping's
     * walkers); the others evolve a population of that size.
     */
    public static final List<String> GRADIENT = List.of("lbfgsb", "adam", "basin");

    private Optimizers() {
    }

    /** True for a gradient method whose {@code starts} are descents, not a population. */
    public static boolean gradientBased(String name) {
        return GRADIENT.contains(name);
    }

    /**
     * A fresh optimizer.
     *
     * @param name     one of {@link #NAMES}
     * @param bounds   the box the parameters must stay in
     * @param settings the knobs (only the ones concerning this method are read)
     * @param seed     seeds every random choice (start points, populations, mutations)
     */
    public static Optimizer create(String name, Bounds bounds, OptimizerSettings settings, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        switch (name) {
            case "lbfgsb":
                return lbfgsb(name, bounds, settings, rng);
            case "adam":
                return new MultiStartOptimizer(name, bounds, settings, rng,
                        start -> new AdamSearch(start, settings.learningRate(), settings.adamBounds(),
                                settings.lossTolerance(), settings.gradientTolerance()));
            case "basin":
                return new BasinHopping(bounds, settings, rng);
            case "hybrid":
                return new HybridSearch(bounds, settings, rng);
            case "de":
                return new DifferentialEvolution(bounds, settings, rng);
            case "pso":
                return new ParticleSwarm(bounds, settings, rng);
            case "cmaes":
                return new CmaEs(bounds, settings, rng);
            case "random":
                return new RandomSearch(bounds, settings, rng);
            default:
                throw new IllegalArgumentException("unknown optimizer '" + name + "'; choose one of " + NAMES);
        }
    }

    /** Multi-start L-BFGS-B reporting itself under {@code name}. */
    static Optimizer lbfgsb(String name, Bounds bounds, OptimizerSettings settings, SplittableRandom rng) {
        return new MultiStartOptimizer(name, bounds, settings, rng,
                start -> new LbfgsbSearch(start, settings.memory(), settings.lossTolerance(),
                        settings.gradientTolerance()));
    }
}
