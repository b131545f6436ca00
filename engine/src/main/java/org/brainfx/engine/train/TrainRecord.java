package org.brainfx.engine.train;

/**
 * One trained batch in the history of a run.
 *
 * @param batch           batch index (0-based)
 * @param wallSeconds     wall time since the run started
 * @param loss            the batch's mean loss
 * @param accuracy        the batch's accuracy
 * @param heldOutAccuracy accuracy on the held-out trials after this batch, NaN when not evaluated
 * @param heldOutLoss     loss on the held-out trials, NaN when not evaluated
 * @param rateE           mean excitatory rate, Hz
 * @param rateI           mean inhibitory rate, Hz
 */
public record TrainRecord(long batch, double wallSeconds, double loss, double accuracy, double heldOutAccuracy,
                          double heldOutLoss, double rateE, double rateI) {
}
