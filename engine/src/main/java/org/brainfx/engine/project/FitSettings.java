package org.brainfx.engine.project;

import java.util.List;
import java.util.Map;

/**
 * How a project is fitted. Missing values take defaults when the fit is configured.
 *
 * @param free          free parameters and their bounds [lower, upper] in model units; null
 *                      means every trainable parameter with its model bounds
 * @param losses        weighted loss terms
 * @param optimizer     {@code lbfgsb}, {@code adam}, {@code basin} (basin hopping), {@code hybrid} (DE, then an
 *                      L-BFGS-B polish), {@code de}, {@code pso}, {@code cmaes} or {@code random}
 * @param starts        starts (gradient methods) or population size (gradient-free)
 * @param maxIterations iteration budget
 * @param maxEvaluations evaluation budget (0: none)
 * @param budgetSeconds wall-time budget (0: none)
 * @param seed          random seed; the same seed gives the same fit
 * @param targetLoss    a loss considered good enough (stops early; 0: none)
 * @param learningRate  Adam's step size in the unit cube of the bounds (default 0.01)
 * @param pruneEvery    gradient multi-start: drop the worse half of the running starts every this
 *                      many rounds (successive halving; default 0, off)
 * @param keepStarts    pruning keeps at least this many starts (default 1)
 * @param startSampling {@code uniform} (default) or {@code lhs} (Latin hypercube) start points
 * @param adamBounds    {@code projection} (default) or {@code reparametrize} (logistic transform)
 * @param screen        gradient multi-start: draw this many points per start, keep the best by their
 *                      loss as the starts (default 1: no screening)
 */
public record FitSettings(Map<String, List<Double>> free, List<LossTerm> losses, String optimizer, Integer starts,
                          Integer maxIterations, Long maxEvaluations, Double budgetSeconds, Long seed,
                          Double targetLoss, Double learningRate, Integer pruneEvery, Integer keepStarts,
                          String startSampling, String adamBounds, Integer screen) {

    /** Settings without screening. */
    public FitSettings(Map<String, List<Double>> free, List<LossTerm> losses, String optimizer, Integer starts,
                       Integer maxIterations, Long maxEvaluations, Double budgetSeconds, Long seed, Double targetLoss,
                       Double learningRate, Integer pruneEvery, Integer keepStarts, String startSampling,
                       String adamBounds) {
        this(free, losses, optimizer, starts, maxIterations, maxEvaluations, budgetSeconds, seed, targetLoss,
                learningRate, pruneEvery, keepStarts, startSampling, adamBounds, null);
    }

    /** Settings without the optional optimizer knobs. */
    public FitSettings(Map<String, List<Double>> free, List<LossTerm> losses, String optimizer, Integer starts,
                       Integer maxIterations, Long maxEvaluations, Double budgetSeconds, Long seed, Double targetLoss) {
        this(free, losses, optimizer, starts, maxIterations, maxEvaluations, budgetSeconds, seed, targetLoss, null,
                null, null, null, null, null);
    }

    /**
     * One weighted loss term.
     *
     * @param kind   {@code mse} (voltage MSE), {@code spike_count}, {@code van_rossum}, {@code gamma}
     * @param every     sample every k-th step (mse); null and no divisions: every step
     * @param divisions alternatively, sample every {@code T // divisions} steps, as the reference
     *                  does (10 for its HH fit, 100 for GIF)
     * @param tau       time constant in ms (van Rossum)
     * @param window    [start, end] in ms that the term looks at (mse and features; default: the whole sweep)
     * @param baseline  [start, end] in ms of the baseline for {@code input_resistance}
     * @param sweepWeights one weight per sweep (mse; default all 1)
     */
    public record LossTerm(String kind, Double weight, Integer every, Integer divisions, Double tau, List<Double> window,
                           List<Double> baseline, List<Double> sweepWeights) {
        /** A term without windows or sweep weights. */
        public LossTerm(String kind, Double weight, Integer every, Integer divisions, Double tau) {
            this(kind, weight, every, divisions, tau, null, null, null);
        }

        /** A term with windows but no sweep weights. */
        public LossTerm(String kind, Double weight, Integer every, Integer divisions, Double tau, List<Double> window,
                        List<Double> baseline) {
            this(kind, weight, every, divisions, tau, window, baseline, null);
        }
    }
}
