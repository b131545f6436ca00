package org.brainfx.engine.job;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a fit, in the shape {@code brainfx fit --json} writes.
 *
 * @param params         best parameters by name, model units
 * @param perSweepLoss   the best point's loss on each sweep
 * @param startLosses    every start's (or population member's) final loss
 * @param stopReason     why the fit stopped (converged, iteration budget, time budget, cancelled …)
 * @param termLosses     the best point's loss per term and sweep
 */
public record FitResult(String project, String optimizer, long seed, String version, double loss,
                        Map<String, Double> params, double[] perSweepLoss, List<HistoryPoint> history,
                        long evaluations, long divergedEvaluations, int iterations, double wallSeconds,
                        double[] startLosses, String stopReason, Map<String, double[]> termLosses) {

    /** The best loss after a round of evaluations. */
    public record HistoryPoint(int iteration, long evaluations, double seconds, double bestLoss) { }
}
