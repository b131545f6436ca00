package org.brainfx.engine.net;

import java.util.concurrent.locks.LockSupport;

/**
 * A second thread that advances the upper half of every population's neurons while the caller does
 * the lower half, step by step, and then delivers the step's arriving spikes to the upper halves while the
 * caller delivers to the lower ones (the spikes are collected in between, on the caller). The two meet by spinning on volatile counters (a microsecond), not
 * through locks or an executor (tens of microseconds a step, as much as a 4 000-neuron step costs);
 * a side that has spun for about as long as a step takes parks instead, so that on a busy machine,
 * where the other thread may have lost its core, the spinner gives its core back rather than burn it.
 * Each neuron is computed the same way on either thread, so results do not depend on the thread count.
 */
final class LaneSplit implements AutoCloseable {
    private static final int FORWARD = 0;
    private static final int DELIVER = 1;

    private final PopulationState[] populations;
    private final SynapticDelivery[] deliveries;
    private final int[] middle;
    /** Per population, the step's spikes the caller found in the lower half (in its spiked list) and the worker in the upper. */
    private final int[] lowerCount;
    private final int[][] upperSpiked;
    private final int[] upperCount;
    private final double dt;
    private final Thread worker;
    /** The work asked for: {@code 2·step + phase}. */
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

    LaneSplit(PopulationState[] populations, SynapticDelivery[] deliveries, double dt) {
        this.populations = populations;
        this.deliveries = deliveries;
        this.dt = dt;
        this.middle = new int[populations.length];
        this.lowerCount = new int[populations.length];
        this.upperSpiked = new int[populations.length][];
        this.upperCount = new int[populations.length];
        for (int p = 0; p < populations.length; p++) {
            middle[p] = middle(populations[p].size);
            upperSpiked[p] = new int[populations[p].size - middle[p]];
        }
        worker = new Thread(this::work, "brainfx-network-lanes");
        worker.setDaemon(true);
        worker.start();
    }

    /** The first neuron of a population's upper half (even, so the kernels' lane pairs stay on one side). */
    static int middle(int size) {
        return (size / 2) & ~1;
    }

    /**
     * Advances every population one step, the upper halves on the worker and the lower halves here, each thread
     * collecting its half's spikes; then joins them, so each population's spiked list is as one thread makes it.
     */
    void forward(int step) {
        inHalves(2L * step + FORWARD);
        for (int p = 0; p < populations.length; p++) {
            populations[p].joinHalves(lowerCount[p], upperSpiked[p], upperCount[p]);
        }
    }

    /** Delivers the spikes arriving at {@code step} (after every delivery's receive): upper halves on the worker. */
    void deliver(int step) {
        inHalves(2L * step + DELIVER);
    }

    private void inHalves(long ticket) {
        caller = Thread.currentThread();
        go = ticket;
        if (workerParked) {
            LockSupport.unpark(worker);
        }
        run(ticket, false);
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (done != ticket) {
            if (failure != null) {
                throw failure;
            }
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                callerParked = true;
                if (done != ticket) {
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
                run(g, true);
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

    private void run(long ticket, boolean upper) {
        if ((ticket & 1) == FORWARD) {
            for (int p = 0; p < populations.length; p++) {
                PopulationState pop = populations[p];
                if (upper) {
                    pop.forward(dt, middle[p], pop.size);
                    upperCount[p] = pop.collect(middle[p], pop.size, upperSpiked[p]);
                } else {
                    pop.forward(dt, 0, middle[p]);
                    lowerCount[p] = pop.collect(0, middle[p], pop.spiked);
                }
            }
        } else {
            int step = (int) (ticket >> 1);
            for (SynapticDelivery d : deliveries) {
                d.deliver(step, upper ? SynapticDelivery.UPPER : SynapticDelivery.LOWER);
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
