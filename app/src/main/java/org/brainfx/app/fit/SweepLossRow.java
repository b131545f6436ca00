package org.brainfx.app.fit;

/**
 * How well the best point fits one sweep.
 *
 * @param sweep the sweep's number, from 1 as the table shows it
 * @param loss  the loss on this sweep
 * @param rmse  root-mean-square difference from the target in the target state's declared unit
 *              (NaN until the best point has been simulated)
 * @param targetSpikes spikes in the target on this sweep (-1: not known)
 * @param fittedSpikes spikes of the fitted model on this sweep (-1: not simulated yet)
 */
public record SweepLossRow(int sweep, double loss, double rmse, int targetSpikes, int fittedSpikes) {
    /** A row without spike counts. */
    public SweepLossRow(int sweep, double loss, double rmse) {
        this(sweep, loss, rmse, -1, -1);
    }
}
