package org.brainfx.app.playground;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.brainfx.app.jobs.UiExecutor;

/**
 * Runs jobs one at a time in the background, keeping only the newest request that waits: while
 * one job runs, a new request replaces the waiting one instead of queueing behind it, so a
 * slider dragged faster than the model simulates never builds a backlog. Results reach the UI
 * the same way: at most one result waits for the UI thread, and a newer one replaces it.
 *
 * @param <R> what a job produces
 */
public final class LatestWinsWorker<R> {

    /** A job and where its outcome goes (both handlers run on the UI thread). */
    private record Request<R>(Supplier<R> job, Consumer<R> onResult, Consumer<RuntimeException> onFailure) { }

    private final Executor background;
    private final UiExecutor ui;
    private final AtomicReference<Runnable> uiPending = new AtomicReference<>();
    private Request<R> pending;
    private boolean running;
    private long dropped;

    /** A worker running jobs on {@code background} and delivering outcomes through {@code ui}. */
    public LatestWinsWorker(Executor background, UiExecutor ui) {
        this.background = background;
        this.ui = ui;
    }

    /**
     * Asks for {@code job} to run after the one running now, replacing any request still waiting.
     *
     * @param onResult  receives the job's result on the UI thread
     * @param onFailure receives what the job threw, on the UI thread
     */
    public void submit(Supplier<R> job, Consumer<R> onResult, Consumer<RuntimeException> onFailure) {
        synchronized (this) {
            if (pending != null) {
                dropped++;
            }
            pending = new Request<>(job, onResult, onFailure);
            if (running) {
                return;
            }
            running = true;
        }
        try {
            background.execute(this::drain);
        } catch (RejectedExecutionException e) {
            Request<R> lost;
            synchronized (this) {
                running = false;
                lost = pending;
                pending = null;
            }
            if (lost != null) {
                publish(() -> lost.onFailure().accept(e));
            }
        }
    }

    /** How many requests were replaced before they ran. */
    synchronized long dropped() {
        return dropped;
    }

    private void drain() {
        while (true) {
            Request<R> next;
            synchronized (this) {
                next = pending;
                pending = null;
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                R result = next.job().get();
                publish(() -> next.onResult().accept(result));
            } catch (RuntimeException e) {
                publish(() -> next.onFailure().accept(e));
            }
        }
    }

    /** Hands an outcome to the UI thread unless one is already waiting there, which it then replaces. */
    private void publish(Runnable outcome) {
        if (uiPending.getAndSet(outcome) == null) {
            ui.execute(() -> {
                Runnable latest = uiPending.getAndSet(null);
                if (latest != null) {
                    latest.run();
                }
            });
        }
    }
}
