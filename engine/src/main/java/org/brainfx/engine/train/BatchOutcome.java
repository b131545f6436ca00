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
}
