package org.brainfx.engine.job;

import java.util.List;

/**
 * An immutable snapshot of a running fit, for progress bars and live plots.
 *
 * @param parameterNames names of the free parameters, in the order of the point arrays
 * @param bestPoint      best parameters so far, model units
 * @param startLosses    current loss of every start (gradient methods) or population member
 * @param startPoints    their current points
 * @param history        best loss after each completed round
 * @param state          {@code running}, {@code paused} or {@code finished}
 */
public record FitProgress(String optimizer, int iteration, int maxIterations, long evaluations, long diverged,
                          double elapsedSeconds, double bestLoss, List<String> parameterNames, double[] bestPoint,
                          double[] startLosses, double[][] startPoints, List<FitResult.HistoryPoint> history,
                          String state) {
}
