package org.brainfx.engine.net;

import java.util.function.BooleanSupplier;

/**
 * How to run a network: the duration (null: the spec's), threads (1 or 2: a second thread takes half
 * of every population's neurons once the network is big enough to pay for the hand-over each step),
 * a listener for live spikes, and a cancel flag polled while running.
 */
public record RunOptions(Double durationMs, int threads, NetworkListener listener, BooleanSupplier cancelled) {
    /** One thread, the spec's duration, nobody listening. */
    public static RunOptions defaults() {
        return new RunOptions(null, 1, NetworkListener.NONE, () -> false);
    }

    /** These options with another thread count. */
    public RunOptions withThreads(int n) {
        return new RunOptions(durationMs, n, listener, cancelled);
    }

    /** These options with another duration. */
    public RunOptions withDuration(Double ms) {
        return new RunOptions(ms, threads, listener, cancelled);
    }

    /** These options with a listener. */
    public RunOptions withListener(NetworkListener l) {
        return new RunOptions(durationMs, threads, l, cancelled);
    }

    /** These options with a cancel flag. */
    public RunOptions withCancel(BooleanSupplier c) {
        return new RunOptions(durationMs, threads, listener, c);
    }
}
