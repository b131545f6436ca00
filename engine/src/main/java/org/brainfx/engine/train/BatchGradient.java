package org.brainfx.engine.train;

import org.brainfx.engine.task.TrialBatch;

/** A way to compute the training gradient of an {@link EiRsnn} on a batch: BPTT or an online rule. */
public interface BatchGradient extends AutoCloseable {

    /** The loss of {@code batch} under {@code weights}, its gradient written into {@code gradient} (overwritten). */
    BatchOutcome gradient(TrialBatch batch, RsnnWeights weights, RsnnWeights gradient);

    /** Stops worker threads, if any. */
    @Override
    void close();
}
