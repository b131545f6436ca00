package org.brainfx.app.jobs;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * The workbench's one pool for short background {@link Task}s (loading a project, simulating a
 * candidate), so no view starts threads of its own.
 */
public final class BackgroundTasks {

    private static final AtomicInteger COUNT = new AtomicInteger();
    // Daemon threads: an unfinished load must not keep the JVM alive after the last window closes.
    // Low priority: fits and races run here too, and the window's threads must not wait behind them.
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            r.run();
        }, "brainfx-task-" + COUNT.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private BackgroundTasks() {
    }

    /** The pool as a plain executor, for work that reports back through a {@link UiExecutor}. */
    public static java.util.concurrent.Executor executor() {
        return POOL;
    }

    /** Starts {@code task} on the pool and returns it, for chaining handlers set beforehand. */
    public static <T> Task<T> submit(Task<T> task) {
        POOL.execute(task);
        return task;
    }
}
