package org.brainfx.engine.train;

import org.brainfx.engine.task.TrialBatch;

/** A way to compute the training gradient of an {@link EiRsnn} on a batch: BPTT or an online rule. */
public interface BatchGradient extends AutoCloseable {

    /** The loss of {@code batch} under {@code weights}, its gradient written into {@code gradient} (overwritten). */
    BatchOutcome gradient(TrialBatch batch, RsnnWeights weights, RsnnWeights gradient);

    /**
     * The floats the method's workers hold for the states of a pass over trials of {@code steps} steps:
     * BPTT's trajectory grows with it, an online rule's traces do not.
     */
    long stateFloats(int steps);

    /** Stops worker threads, if any. */
    @Override
    void close();
}
