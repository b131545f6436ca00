package org.brainfx.engine.net;

import java.util.concurrent.locks.LockSupport;

/**
 * A second thread that advances the upper half of every population's neurons while the caller does
 * the lower half, step by step. The two meet by spinning on volatile counters (a microsecond), not
 * through locks or an executor (tens of microseconds a step, as much as a 4 000-neuron step costs);
 * a side that has spun for about as long as a step takes parks instead, so that on a busy machine,
 * where the other thread may have lost its core, the spinner gives its core back rather than burn it.
 * Each neuron is computed the same way on either thread, so results do not depend on the thread count.
 */
final class LaneSplit implements AutoCloseable {
    private final PopulationState[] populations;
    private final int[] middle;
    private final double dt;
    private final Thread worker;
    private volatile long go = -1;
    private volatile long done = -1;
    private volatile boolean closed;
    private volatile RuntimeException failure;
    private volatile long workerCpuNanos;
    private volatile boolean workerParked;
    private volatile boolean callerParked;
    private volatile Thread caller;
    /**
     * How long a side spins before it parks: longer than the other half of a step usually takes, so that
     * parking (and the microseconds an unpark costs) happens only when the other thread lost its core.
     * Measured on a 4 000-neuron COBA network: parking after ~20 µs took 0.44 s on two threads, after
     * 50 µs 0.35 s; 200 µs was no faster and made CUBA runs (shorter steps) erratic.
     */
    private static final long SPIN_NANOS = 50_000L;

    LaneSplit(PopulationState[] populations, double dt) {
        this.populations = populations;
        this.dt = dt;
        this.middle = new int[populations.length];
        for (int p = 0; p < populations.length; p++) {
            middle[p] = (populations[p].size / 2) & ~1;
        }
        worker = new Thread(this::work, "brainfx-network-lanes");
        worker.setDaemon(true);
        worker.start();
    }

    /** Advances every population one step: the upper halves on the worker, the lower halves here. */
    void forward(long step) {
        caller = Thread.currentThread();
        go = step;
        if (workerParked) {
            LockSupport.unpark(worker);
        }
        for (int p = 0; p < populations.length; p++) {
            populations[p].forward(dt, 0, middle[p]);
        }
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (done != step) {
            if (failure != null) {
                throw failure;
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (done != step) {
                    LockSupport.parkNanos(this, 1_000_000L);
                }
                callerParked = false;
            }
        }
    }

    private void work() {
        long seen = -1;
        while (true) {
            long g;
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while ((g = go) == seen) {
                if (closed) {
                    workerCpuNanos = CpuTime.ofCurrentThread();
                    return;
                }
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                } else {
                    workerParked = true;
                    if (go == seen && !closed) {
                        LockSupport.parkNanos(this, 1_000_000L);
                    }
                    workerParked = false;
                }
            }
            seen = g;
            try {
                for (int p = 0; p < populations.length; p++) {
                    populations[p].forward(dt, middle[p], populations[p].size);
                }
            } catch (RuntimeException e) {
                failure = e;
            }
            done = g;
            Thread waiting = caller;
            if (callerParked && waiting != null) {
                LockSupport.unpark(waiting);
            }
        }
    }

    /** Processor time the worker used, ns; known once closed. */
    long workerCpuNanos() {
        return workerCpuNanos;
    }

    /** Stops the worker and waits for it, so that its processor time is known. */
    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(worker);
        try {
            worker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
