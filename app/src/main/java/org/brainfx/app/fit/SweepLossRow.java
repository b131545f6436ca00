package org.brainfx.app.fit;

/**
 * How well the best point fits one sweep.
 *
 * @param sweep the sweep's number, from 1 as the table shows it
 * @param loss  the loss on this sweep
 * @param rmse  root-mean-square difference from the target in the target state's declared unit
 *              (NaN until the best point has been simulated)
 */
public record SweepLossRow(int sweep, double loss, double rmse) {
}
