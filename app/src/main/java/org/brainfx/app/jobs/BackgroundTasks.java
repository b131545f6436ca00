package org.brainfx.app.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * The workbench's pools for background work, so no view starts threads of its own: one for short
 * tasks a person waits for (loading a project, simulating the playground) at normal priority, one
 * for what live charts show during a fit at a little lower priority, and one for long computations
 * (fits, races) at lower priority still, so the window's threads get a core the moment they need one.
 */
public final class BackgroundTasks {

    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final ExecutorService POOL = pool("brainfx-task-", 0);
    private static final ExecutorService DISPLAY = pool("brainfx-display-", BackgroundPriority.DISPLAY_NICE);
    private static final ExecutorService COMPUTE = pool("brainfx-compute-", BackgroundPriority.NICE);

    private BackgroundTasks() {
    }

    /** The pool for short tasks, as a plain executor, for work that reports back through a {@link UiExecutor}. */
    public static java.util.concurrent.Executor executor() {
        return POOL;
    }

    /**
     * The pool for work a live chart shows while a fit runs (the best candidate's simulated trace):
     * its threads yield to the window's threads but not to the fit, so the chart keeps up with it.
     */
    public static java.util.concurrent.Executor displayExecutor() {
        return DISPLAY;
    }

    /**
     * The pool for long computations (fits, optimizer races), whose threads run at low priority.
     * Threads inherit the priority of the thread that starts them, so work these hand on to the
     * other pool goes through the UI thread (as results do anyway).
     */
    public static java.util.concurrent.Executor computeExecutor() {
        return COMPUTE;
    }

    /** Starts {@code task} on the short-task pool and returns it, for chaining handlers set beforehand. */
    public static <T> Task<T> submit(Task<T> task) {
        POOL.execute(task);
        return task;
    }

    // Daemon threads: unfinished work must not keep the JVM alive after the last window closes.
    private static ExecutorService pool(String prefix, int nice) {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(() -> {
                if (nice > 0) {
                    BackgroundPriority.lowerCurrentThread(nice);
                }
                r.run();
            }, prefix + COUNT.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }
}
