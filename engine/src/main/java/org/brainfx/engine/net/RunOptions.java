package org.brainfx.engine.net;

import java.util.function.BooleanSupplier;

/**
 * How to run a network: the duration (null: the spec's), threads (1 or 2: a second thread takes half
 * of every population's neurons once the network is big enough to pay for the hand-over each step),
 * a listener for live spikes, a cancel flag and a pause gate polled while running (every 8 steps),
 * and a pace: at most {@code paceMsPerSecond} simulated milliseconds per wall-clock second (0: as fast
 * as the machine goes), so a live view can watch a fast network move at a speed a person can follow.
 */
public record RunOptions(Double durationMs, int threads, NetworkListener listener, BooleanSupplier cancelled,
                         PauseGate pause, double paceMsPerSecond) {

    /** Without a pause gate or a pace. */
    public RunOptions(Double durationMs, int threads, NetworkListener listener, BooleanSupplier cancelled) {
        this(durationMs, threads, listener, cancelled, new PauseGate(), 0);
    }

    /** A null gate becomes an open one; the pace must be ≥ 0 and finite. */
    public RunOptions {
        pause = pause == null ? new PauseGate() : pause;
        if (!(paceMsPerSecond >= 0) || Double.isInfinite(paceMsPerSecond)) {
            throw new IllegalArgumentException("pace must be ≥ 0 simulated ms per second (0: unpaced), got " + paceMsPerSecond);
        }
    }

    /** One thread, the spec's duration, nobody listening. */
    public static RunOptions defaults() {
        return new RunOptions(null, 1, NetworkListener.NONE, () -> false);
    }

    /** These options with another thread count. */
    public RunOptions withThreads(int n) {
        return new RunOptions(durationMs, n, listener, cancelled, pause, paceMsPerSecond);
    }

    /** These options with another duration. */
    public RunOptions withDuration(Double ms) {
        return new RunOptions(ms, threads, listener, cancelled, pause, paceMsPerSecond);
    }

    /** These options with a listener. */
    public RunOptions withListener(NetworkListener l) {
        return new RunOptions(durationMs, threads, l, cancelled, pause, paceMsPerSecond);
    }

    /** These options with a cancel flag. */
    public RunOptions withCancel(BooleanSupplier c) {
        return new RunOptions(durationMs, threads, listener, c, pause, paceMsPerSecond);
    }

    /** These options with a pause gate. */
    public RunOptions withPause(PauseGate gate) {
        return new RunOptions(durationMs, threads, listener, cancelled, gate, paceMsPerSecond);
    }

    /** These options at a pace of at most {@code msPerSecond} simulated ms per wall-clock second (0: unpaced). */
    public RunOptions withPace(double msPerSecond) {
        return new RunOptions(durationMs, threads, listener, cancelled, pause, msPerSecond);
    }
}
