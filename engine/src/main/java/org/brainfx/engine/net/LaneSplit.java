package org.brainfx.engine.net;

/**
 * A second thread that advances the upper half of every population's neurons while the caller does
 * the lower half, step by step. The two meet through spinning on volatile counters (a microsecond),
 * not through locks or an executor (tens of microseconds a step, as much as a 4 000-neuron step costs).
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
        go = step;
        for (int p = 0; p < populations.length; p++) {
            populations[p].forward(dt, 0, middle[p]);
        }
        int spins = 0;
        while (done != step) {
            if (failure != null) {
                throw failure;
            }
            if (++spins > 10_000) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private void work() {
        long seen = -1;
        while (true) {
            long g;
            int spins = 0;
            while ((g = go) == seen) {
                if (closed) {
                    workerCpuNanos = CpuTime.ofCurrentThread();
                    return;
                }
                if (++spins > 10_000) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
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
        try {
            worker.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
