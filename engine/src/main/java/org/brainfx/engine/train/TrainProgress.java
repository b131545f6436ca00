package org.brainfx.engine.train;

import java.util.List;

/**
 * An immutable snapshot of a training run for a listener (a progress bar, a dashboard).
 *
 * @param batch           batches done
 * @param batches         the most batches the run may take
 * @param wallSeconds     wall time so far
 * @param budgetSeconds   the wall-clock budget, 0 for none
 * @param last            the last trained batch's record, null before the first
 * @param bestHeldOut     best held-out accuracy so far, NaN before the first evaluation
 * @param excitatory      histogram of |E| weights now
 * @param inhibitory      histogram of |I| weights now
 * @param history         the records so far
 * @param best            the best weights so far (held-out), never changed after they are handed out
 * @param status          running, paused, evaluating, or the reason it stopped
 */
public record TrainProgress(long batch, long batches, double wallSeconds, double budgetSeconds, TrainRecord last,
                            double bestHeldOut, WeightHistogram excitatory, WeightHistogram inhibitory,
                            List<TrainRecord> history, RsnnWeights best, String status) {

    /** Copies the history. */
    public TrainProgress {
        history = List.copyOf(history);
    }

    /** The fraction of the run done (by batches or by budget, whichever is further). */
    public double fraction() {
        double byBatches = batches > 0 ? (double) batch / batches : 0;
        double byTime = budgetSeconds > 0 ? wallSeconds / budgetSeconds : 0;
        return Math.min(1, Math.max(byBatches, byTime));
    }
}
