package org.brainfx.engine.job;

import java.util.function.Consumer;

/**
 * Delivers values to a possibly slow listener on its own thread, at most {@code maxPerSecond}
 * times a second, always the newest: intermediate values are dropped, never queued, so a slow
 * listener can neither block the producer nor make memory grow.
 */
public final class CoalescingPublisher<T> implements AutoCloseable {
    private final Consumer<T> listener;
    private final long minIntervalNanos;
    private final Thread thread;
    private T pending;
    private boolean closed;

    /** A publisher delivering to {@code listener} on a daemon thread named {@code name}. */
    public CoalescingPublisher(String name, Consumer<T> listener, int maxPerSecond) {
        this.listener = listener;
        this.minIntervalNanos = 1_000_000_000L / Math.max(1, maxPerSecond);
        this.thread = new Thread(this::deliver, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Offers a new value; replaces any value not yet delivered. */
    public synchronized void publish(T value) {
        pending = value;
        notifyAll();
    }

    private void deliver() {
        long last = 0;
        while (true) {
            T value;
            synchronized (this) {
                while (pending == null && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (pending == null) {
                    return;
                }
                value = pending;
                pending = null;
            }
            listener.accept(value);
            long wait = minIntervalNanos - (System.nanoTime() - last);
            last = System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Delivers the last pending value (if any), then stops the thread; waits for both. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
