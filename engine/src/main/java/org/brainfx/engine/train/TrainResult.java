package org.brainfx.engine.train;

import java.util.List;

/**
 * The outcome of a training run.
 *
 * @param best             the weights with the best held-out accuracy (the last ones if never evaluated)
 * @param last             the weights after the last batch
 * @param initial          the weights before training
 * @param history          one record per trained batch
 * @param heldOutAccuracy  the best weights' accuracy on the held-out trials
 * @param heldOutLoss      their held-out loss
 * @param testAccuracy     the best weights' accuracy on fresh trials that took no part in choosing them (the
 *                         unbiased figure: the held-out set picked the best weights)
 * @param testLoss         their loss there
 * @param batches          batches trained (counting those before a resume)
 * @param wallSeconds      wall time of this run
 * @param secondsPerBatch  median seconds per batch of this run (forward, backward and update)
 * @param peakHeapMB       peak used heap, MB
 * @param stateMB          what the gradient method holds for a batch's states (BPTT's trajectory, or an online
 *                         rule's traces), MB
 * @param stop             why it stopped, in words
 */
public record TrainResult(RsnnWeights best, RsnnWeights last, RsnnWeights initial, List<TrainRecord> history,
                          double heldOutAccuracy, double heldOutLoss, double testAccuracy, double testLoss, long batches, double wallSeconds, double secondsPerBatch,
                          double peakHeapMB, double stateMB, String stop) {

    /** Copies the history. */
    public TrainResult {
        history = List.copyOf(history);
    }
}
