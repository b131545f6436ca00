package org.brainfx.engine.train;

/**
 * What one pass of a network over a batch of trials gave: the mean loss (softmax cross-entropy per
 * masked step and trial), the fraction of trials classified right, and the mean firing rates.
 *
 * @param loss     mean cross-entropy
 * @param accuracy fraction of correct trials
 * @param trials   trials in the batch
 * @param rateE    mean excitatory rate, Hz
 * @param rateI    mean inhibitory rate, Hz
 */
public record BatchOutcome(double loss, double accuracy, int trials, double rateE, double rateI) {

    /** The outcome of a pass of {@code net} over {@code batch}, from its counts of correct trials and spikes. */
    static BatchOutcome of(EiRsnn net, org.brainfx.engine.task.TrialBatch batch, double loss, long correct, long spikesE,
                           long spikesI) {
        double seconds = batch.steps() * net.dtMs() / 1000.0 * batch.trials();
        return new BatchOutcome(loss, (double) correct / batch.trials(), batch.trials(), spikesE / (seconds * net.excitatory()),
                net.inhibitory() == 0 ? 0 : spikesI / (seconds * net.inhibitory()));
    }
}
