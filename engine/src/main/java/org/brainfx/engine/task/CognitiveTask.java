package org.brainfx.engine.task;

import java.util.List;

/**
 * A cognitive task: its input channels and a seeded generator of trial batches whose content
 * depends only on (seed, batch index, trial index), never on call order or thread.
 */
public interface CognitiveTask {

    /** The task's name as the literature calls it. */
    String name();

    /** The time step of generated trials, ms. */
    double dtMs();

    /** The input groups, in channel order; together they cover channels 0 … {@link #channels()} − 1. */
    List<InputGroup> groups();

    /** The number of input channels. */
    default int channels() {
        List<InputGroup> g = groups();
        return g.isEmpty() ? 0 : g.get(g.size() - 1).end();
    }

    /** The names of the label classes; a label is an index into this list. */
    List<String> classNames();

    /**
     * Generates batch {@code batchIndex} of {@code trials} trials. Trial {@code k} of a batch is the
     * same whatever the batch size, so a smaller batch is a prefix of a larger one.
     */
    TrialBatch batch(long seed, long batchIndex, int trials);
}
