package org.brainfx.engine.net;

/**
 * A gate a running simulation passes at each of its checkpoints: open, it costs one volatile read;
 * closed ({@link #pause()}), the simulating thread waits on it without spinning until
 * {@link #resume()}. To stop a paused run, set its cancel flag, then resume.
 */
public final class PauseGate {
    private volatile boolean paused;

    /** Closes the gate: the run waits at its next checkpoint. */
    public synchronized void pause() {
        paused = true;
    }

    /** Opens the gate and wakes a waiting run. */
    public synchronized void resume() {
        paused = false;
        notifyAll();
    }

    /** True while closed. */
    public boolean isPaused() {
        return paused;
    }

    /**
     * Waits while the gate is closed; returns at once when open.
     *
     * @return nanoseconds spent waiting
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public long awaitOpen() throws InterruptedException {
        if (!paused) {
            return 0;
        }
        long t0 = System.nanoTime();
        synchronized (this) {
            while (paused) {
                wait();
            }
        }
        return System.nanoTime() - t0;
    }
}
